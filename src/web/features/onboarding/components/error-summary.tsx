import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useFormContext, useFormState, type FieldError, type FieldErrors, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import { useFieldErrorText } from '../field-errors.ts';
import { FIELD_ORDER, orderOf, type WizardField, type WizardValues } from '../wizard-form.ts';

const useStyles = makeStyles({
  list: { margin: 0, marginBlockStart: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The fields that hold an error now, in the form's order. */
function fieldsWithErrors(errors: FieldErrors<WizardValues>): WizardField[] {
  const fields: WizardField[] = FIELD_ORDER.filter((field) => errors[field as keyof WizardValues] !== undefined);
  const lineItems = errors.lineItems;
  if (Array.isArray(lineItems)) {
    lineItems.forEach((item: unknown, index: number) => {
      if (typeof item === 'object' && item !== null && 'quantity' in item && item.quantity !== undefined) fields.push(`lineItems.${index}.quantity`);
    });
  }
  return fields.sort((a, b) => orderOf(a) - orderOf(b));
}

interface Props {
  /** The errors of the last check that name no field. */
  general: readonly FieldErrorBody[];
  /** The label a person reads for a field of this step. */
  labelOf(field: WizardField): string;
}

/**
 * Above a step after a failed check: how many entries are still wrong (it follows the form: an entry
 * fixed, by typing or by a copied value, leaves the count, and the summary goes with the last one), each
 * a link to its field, and the errors that name no field.
 */
export function ErrorSummary({ general, labelOf }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const text = useFieldErrorText();
  const { control, getFieldState, setFocus } = useFormContext<WizardValues>();
  const { errors } = useFormState({ control });
  const fields = fieldsWithErrors(errors);
  const count = fields.length + general.length;
  if (count === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('onboarding.fixErrors', { count })}</MessageBarTitle>
        <ul className={styles.list}>
          {fields.map((field) => (
            <li key={field}>
              <Link
                href={`#field-${field}`}
                onClick={(event) => {
                  event.preventDefault();
                  setFocus(field as Path<WizardValues>, { shouldSelect: false });
                }}
              >
                {labelOf(field)}
              </Link>
              {': '}
              {text(getFieldState(field as Path<WizardValues>).error as FieldError | undefined)}
            </li>
          ))}
          {general.map((error) => (
            <li key={`${error.field}-${error.code}`}>{text({ type: error.code, message: error.message })}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
