import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';
import { useFormatters } from './format.ts';
import { useServerMessage } from './i18n.ts';

/** Words for an error a page cannot handle itself: the connection, permissions, throttling, the server. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  const serverMessage = useServerMessage();
  return (error) => {
    if (!isApiError(error)) return t('errors.unknown');
    if (error.status === 0) return t('errors.network');
    // The server says why (roles, the organisation's kind, a partner not yet validated): show that.
    if (error.status === 403) return error.description === '' ? t('errors.forbidden') : (serverMessage(error.description) ?? t('errors.forbidden'));
    if (error.status === 429 && error.retryAfterSeconds !== null) {
      return t('errors.throttled', { when: format.fromNow(error.retryAfterSeconds) });
    }
    const message = error.status >= 500 || error.description === '' ? t('errors.unknown') : (serverMessage(error.description) ?? '');
    return error.requestId ? t('errors.withRequestId', { message, requestId: error.requestId }) : message;
  };
}
