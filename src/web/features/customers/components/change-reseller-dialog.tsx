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
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
// An icon the shell loads already: a new one would join the cold load's icon chunk (react-icons groups its icons in shared modules).
import { Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#contracts/customers.ts';
import { uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useResellerOptions } from '../api/get-reseller-options.ts';
import { useSetIndirectReseller } from '../api/set-indirect-reseller.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dropdown: { minWidth: 'min(100%, 320px)' },
});

/** The value of "no reseller" in the list (a tenant id is never empty). */
const NONE = '';

/**
 * "Change reseller" (an indirect provider): the customer's indirect reseller, chosen among the active
 * partnerships only (an inactive one is never offered), or none. The server checks it again.
 */
export function ChangeResellerDialog({ customer }: { customer: Customer }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [requestId, setRequestId] = useState(uuid);
  const current = customer.indirectReseller?.id ?? NONE;
  const [chosen, setChosen] = useState(current);
  const resellers = useResellerOptions(open);
  const change = useSetIndirectReseller();
  const active = (resellers.data ?? []).filter((reseller) => reseller.state === 'Active');
  const currentInactive = current !== NONE && resellers.data !== undefined && !active.some((reseller) => reseller.id === current);
  // Only "none" or an active reseller can be saved; the customer's own inactive one is shown, not offered.
  const offered = chosen === NONE || active.some((reseller) => reseller.id === chosen);

  const labelOf = (id: string) => {
    if (id === NONE) return t('customerDetail.changeReseller.none');
    const reseller = active.find((candidate) => candidate.id === id);
    return reseller ? t('customerDetail.changeReseller.option', { name: reseller.name, mpnId: reseller.mpnId }) : '';
  };

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) {
      // Each opening starts from the customer's reseller, as a new change.
      setChosen(current);
      change.reset();
      setRequestId(uuid());
    }
  };

  const save = () => {
    change.mutate(
      { customerId: customer.id, requestId, indirectResellerId: chosen === NONE ? null : chosen },
      { onSuccess: () => setOpen(false) },
    );
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => toggle(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<Edit20Regular />}>{t('customerDetail.changeReseller.button')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="change-reseller-description">
        <DialogBody>
          <DialogTitle>{t('customerDetail.changeReseller.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id="change-reseller-description">{t('customerDetail.changeReseller.description', { company: customer.companyProfile.companyName })}</p>
            {resellers.isPending ? (
              <Spinner size="small" label={t('customerDetail.changeReseller.loading')} />
            ) : resellers.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t('customerDetail.changeReseller.loadFailed')} {errorMessage(resellers.error)}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                {currentInactive ? (
                  <MessageBar intent="warning">
                    <MessageBarBody>{t('customerDetail.changeReseller.currentInactive', { name: customer.indirectReseller?.name ?? '' })}</MessageBarBody>
                  </MessageBar>
                ) : null}
                <Field label={t('customerDetail.changeReseller.label')} hint={active.length === 0 ? t('customerDetail.changeReseller.noneActive') : t('customerDetail.changeReseller.hint')}>
                  {/* Fluent's Select (a native list): Dropdown's and Option's own icons would join the cold load of every page. */}
                  <Select className={styles.dropdown} value={offered ? chosen : ''} onChange={(_event, data) => setChosen(data.value)}>
                    {offered ? null : (
                      <option value="" disabled>
                        {t('customerDetail.changeReseller.placeholder')}
                      </option>
                    )}
                    <option value={NONE}>{t('customerDetail.changeReseller.none')}</option>
                    {active.map((reseller) => (
                      <option key={reseller.id} value={reseller.id}>
                        {labelOf(reseller.id)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </>
            )}
            {change.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>{errorMessage(change.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={change.isPending || !resellers.isSuccess || !offered || chosen === current}
              icon={change.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={save}
            >
              {t('customerDetail.changeReseller.save')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('customerDetail.changeReseller.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
