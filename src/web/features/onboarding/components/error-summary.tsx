import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import { useFieldErrorText } from '../field-errors.ts';

/** Above a step after a failed check: how many entries to fix, and the errors that name no field. */
export function ErrorSummary({ count, general }: { count: number; general: readonly FieldErrorBody[] }) {
  const { t } = useTranslation();
  const text = useFieldErrorText();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('onboarding.fixErrors', { count })}</MessageBarTitle>
        {general.length > 0 ? (
          <ul>
            {general.map((error) => (
              <li key={`${error.field}-${error.code}`}>{text({ type: error.code, message: error.message })}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
