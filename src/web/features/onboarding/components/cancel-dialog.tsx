import '../locales/en-US-later.ts';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/errors.ts';

/**
 * "Discard this customer?": Cancel asks before the draft is deleted. An alert dialog: Escape does not
 * dismiss it, and the focus stays inside until a choice is made (the wizard then gives it back to Cancel).
 */
export function CancelDialog({ open, busy, error, onConfirm, onClose }: { open: boolean; busy: boolean; error: unknown; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  // The safe choice takes the focus: Enter or Space right after Cancel keeps the entries.
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => keepRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [open]);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => (data.open || data.type === 'escapeKeyDown' ? undefined : onClose())} modalType="alert">
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
            <Button ref={keepRef} onClick={onClose}>
              {t('onboarding.cancelDialog.keep')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
