import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmAgreementRequest } from '#contracts/agreements.ts';
import { isApiError, uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useServerMessage } from '../../../app/i18n.ts';
import { useConfirmAgreement, useLatestTemplate } from '../api/confirm-agreement.ts';

type AgreementType = NonNullable<ConfirmAgreementRequest['type']>;
type FieldName = 'dateAgreed' | 'firstName' | 'lastName' | 'email' | 'phoneNumber';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  // Keeps the date alone on its row beside the signer's fields; on a phone (one column) it is not there.
  spacer: { '@media (max-width: 640px)': { display: 'none' } },
});

function today() {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const empty = (): Record<FieldName, string> => ({ dateAgreed: today(), firstName: '', lastName: '', email: '', phoneNumber: '' });

/** The server's field path → the dialog's field. */
const fieldOf = (path: string): FieldName | null => {
  if (path === 'dateAgreed') return 'dateAgreed';
  const match = /^primaryContact\.(firstName|lastName|email|phoneNumber)$/.exec(path);
  return match ? (match[1] as FieldName) : null;
};

/**
 * "Add confirmation": records that the customer accepted the latest template of an agreement (the
 * Customer Agreement by default; the legacy Cloud Agreement as the API allows), with the signer and date.
 */
export function AddAgreementDialog({ customerId, company }: { customerId: string; company: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const serverMessage = useServerMessage();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<AgreementType>('MicrosoftCustomerAgreement');
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [requestId, setRequestId] = useState(uuid);
  const template = useLatestTemplate(type, open);
  const confirm = useConfirmAgreement();

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) {
      setType('MicrosoftCustomerAgreement');
      setValues(empty());
      setErrors({});
      confirm.reset();
      setRequestId(uuid());
    }
  };

  const set = (name: FieldName) => (_event: unknown, data: { value: string }) => {
    setValues((current) => ({ ...current, [name]: data.value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  const save = () => {
    if (!template.data) return;
    confirm.mutate(
      {
        customerId,
        requestId,
        body: {
          type,
          templateId: template.data.templateId,
          dateAgreed: values.dateAgreed,
          primaryContact: { firstName: values.firstName, lastName: values.lastName, email: values.email, phoneNumber: values.phoneNumber.trim() || null },
        },
      },
      {
        onSuccess: () => setOpen(false),
        onError: (error) => {
          setRequestId(uuid());
          if (!isApiError(error)) return;
          const placed: Partial<Record<FieldName, string>> = {};
          for (const fieldError of error.fieldErrors) {
            const name = fieldOf(fieldError.field);
            if (name) placed[name] = serverMessage(fieldError.message) ?? fieldError.message;
          }
          setErrors(placed);
        },
      },
    );
  };

  const field = (name: FieldName, label: string, options: { required?: boolean; type?: 'date' | 'email' | 'tel'; hint?: string } = {}) => (
    <Field label={label} required={options.required ?? false} validationMessage={errors[name]} hint={options.hint}>
      <Input value={values[name]} onChange={set(name)} {...(options.type ? { type: options.type } : {})} {...(options.type === 'date' ? { max: today() } : {})} />
    </Field>
  );
  const fieldErrorsShown = Object.values(errors).some(Boolean);

  return (
    <Dialog open={open} onOpenChange={(_event, data) => toggle(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('customerDetail.agreements.add.button')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="add-agreement-description">
        <DialogBody>
          <DialogTitle>{t('customerDetail.agreements.add.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id="add-agreement-description">{t('customerDetail.agreements.add.description', { company })}</p>
            <Field label={t('customerDetail.agreements.add.type')} hint={type === 'MicrosoftCloudAgreement' ? t('customerDetail.agreements.add.legacyHint') : undefined}>
              <Select value={type} onChange={(_event, data) => setType(data.value as AgreementType)}>
                <option value="MicrosoftCustomerAgreement">{t('customerDetail.agreements.types.MicrosoftCustomerAgreement')}</option>
                <option value="MicrosoftCloudAgreement">{t('customerDetail.agreements.types.MicrosoftCloudAgreement')}</option>
              </Select>
            </Field>
            {template.isSuccess && template.data === null ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t('customerDetail.agreements.add.noTemplate')}</MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.grid}>
              {field('dateAgreed', t('customerDetail.agreements.add.date'), { required: true, type: 'date', hint: t('customerDetail.agreements.add.dateHint') })}
              <span className={styles.spacer} />
              {field('firstName', t('customerDetail.agreements.add.firstName'), { required: true })}
              {field('lastName', t('customerDetail.agreements.add.lastName'), { required: true })}
              {field('email', t('customerDetail.agreements.add.email'), { required: true, type: 'email' })}
              {field('phoneNumber', t('customerDetail.agreements.add.phone'), { type: 'tel' })}
            </div>
            {confirm.isError && !fieldErrorsShown ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{errorMessage(confirm.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={confirm.isPending || !template.data} icon={confirm.isPending ? <Spinner size="tiny" /> : undefined} onClick={save}>
              {t('customerDetail.agreements.add.save')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('customerDetail.agreements.add.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
