import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useFormContext, useFormState, type FieldError, type FieldErrors, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldErrorBody } from '#contracts/common.ts';
import { useFieldErrorText } from '../field-errors.ts';
import { FIELD_ORDER, orderOf, type WizardField, type WizardValues } from '../wizard-form.ts';

const useStyles = makeStyles({
  list: { margin: 0, marginBlockStart: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The label of each account field, for the summary's links (the account step's own labels). */
const ACCOUNT_LABELS = {
  country: 'onboarding.account.country',
  companyName: 'onboarding.account.companyName',
  domain: 'onboarding.account.domain',
  addressLine1: 'onboarding.account.addressLine1',
  addressLine2: 'onboarding.account.addressLine2',
  city: 'onboarding.account.city',
  state: 'onboarding.account.state',
  postalCode: 'onboarding.account.postalCode',
  organizationRegistrationNumber: 'onboarding.account.registrationNumber',
  firstName: 'onboarding.account.firstName',
  lastName: 'onboarding.account.lastName',
  email: 'onboarding.account.email',
  phoneNumber: 'onboarding.account.phone',
  language: 'onboarding.account.language',
  culture: 'onboarding.account.culture',
  agreementAccepted: 'onboarding.agreement.accepted',
  dateAgreed: 'onboarding.agreement.date',
  signerFirstName: 'onboarding.agreement.signerFirstName',
  signerLastName: 'onboarding.agreement.signerLastName',
  signerEmail: 'onboarding.agreement.signerEmail',
  signerPhoneNumber: 'onboarding.agreement.signerPhone',
  eligibilityType: 'onboarding.eligibility.type',
  eligibilityDetails: 'onboarding.eligibility.details',
  resellerId: 'onboarding.reseller.label',
} as const satisfies Partial<Record<WizardField, string>>;

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
  /** The label a person reads for a field of this step; by default the account step's. */
  labelOf?: (field: WizardField) => string;
}

/**
 * Above a step after a failed check: how many entries are still wrong (it follows the form: an entry
 * fixed, by typing or by a copied value, leaves the count, and the summary goes with the last one), each
 * a link to its field, and the errors that name no field.
 */
export function ErrorSummary({ general, labelOf: givenLabelOf }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const labelOf = givenLabelOf ?? ((field: WizardField) => (field in ACCOUNT_LABELS ? t(ACCOUNT_LABELS[field as keyof typeof ACCOUNT_LABELS]) : field));
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
