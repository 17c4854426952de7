import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/errors.ts';
import { isStale } from '../api/update-subscription.ts';

/** What a failed change says: a 412 means someone changed the subscription meanwhile (the page reloads it). */
export function useEditError(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error) => (isStale(error) ? t('subscription.conflict') : errorMessage(error));
}
