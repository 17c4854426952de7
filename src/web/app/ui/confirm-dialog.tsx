import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useErrorMessage } from '../errors.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed },
  },
});

/** The mutation a confirmation runs: its state is shown in the dialog, and reset when the dialog closes. */
interface ConfirmedAction {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset(): void;
}

export interface ConfirmDialogProps {
  /** The button that opens the question. */
  trigger: ReactElement;
  title: string;
  body: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  confirmingLabel: string;
  action: ConfirmedAction;
  /** Runs the action; call `close` once it has succeeded. */
  onConfirm(close: () => void): void;
}

/**
 * A destructive action's button and the question that makes sure (an alert dialog): Cancel, or the
 * red confirm button, which shows progress while the action runs and the error if it fails.
 */
export function ConfirmDialog({ trigger, title, body, cancelLabel, confirmLabel, confirmingLabel, action, onConfirm }: ConfirmDialogProps) {
  const styles = useStyles();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (!data.open) action.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {body}
            {action.isError ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(action.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{cancelLabel}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={styles.danger}
              disabled={action.isPending}
              icon={action.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => onConfirm(() => setOpen(false))}
            >
              {action.isPending ? confirmingLabel : confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
