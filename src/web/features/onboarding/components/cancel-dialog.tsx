import '../locales/en-US-later.ts';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/errors.ts';

/** "Discard this customer?": Cancel asks before the draft is deleted. */
export function CancelDialog({ open, busy, error, onConfirm, onClose }: { open: boolean; busy: boolean; error: unknown; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open ? undefined : onClose())} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('onboarding.cancelDialog.title')}</DialogTitle>
          <DialogContent>
            {t('onboarding.cancelDialog.body')}
            {error ? (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>
                  {t('onboarding.cancelDialog.failed')} {errorMessage(error)}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {t('onboarding.cancelDialog.confirm')}
            </Button>
            <Button onClick={onClose}>{t('onboarding.cancelDialog.keep')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
