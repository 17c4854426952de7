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
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useErrorMessage } from '../errors.ts';
import { CopyField } from './copy-field.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * A button that opens a form in a modal dialog. The surface unmounts when the dialog closes, so what it
 * showed (a secret shown once) is forgotten and the form starts empty next time.
 */
export function FormDialog({ trigger, children }: { trigger: ReactElement; children: (close: () => void) => ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)} modalType="modal">
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {children(() => setOpen(false))}
    </Dialog>
  );
}

export interface FormDialogSurfaceProps {
  title: string;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** The request's failure when no field shows it (then it is said above the fields). */
  error: unknown;
  pending: boolean;
  cancelLabel: string;
  submitLabel: string;
  submittingLabel: string;
  children: ReactNode;
}

/** The form's surface: title, the failure not shown at a field, the fields, Cancel and the submit button with its progress. */
export function FormDialogSurface({ title, onSubmit, error, pending, cancelLabel, submitLabel, submittingLabel, children }: FormDialogSurfaceProps) {
  const styles = useStyles();
  const errorMessage = useErrorMessage();
  return (
    <DialogSurface>
      <form onSubmit={onSubmit} noValidate>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.form}>
            {error ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{cancelLabel}</Button>
            </DialogTrigger>
            <Button type="submit" appearance="primary" disabled={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
              {pending ? submittingLabel : submitLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}

/** The mutation's error when none of the form's fields took it from the server (a field shows its own). */
export function unplacedError(error: unknown, fieldErrors: object): unknown {
  const placed = Object.values(fieldErrors).some((fieldError: { type?: unknown } | undefined) => fieldError?.type === 'server');
  return error !== null && error !== undefined && !placed ? error : null;
}

/** What a form made and shows this once (a token, a secret, a password): a warning, the values to copy, Done. */
export function ShownOnceSurface({ title, warningTitle, warning, values, doneLabel, onDone }: { title: string; warningTitle?: string; warning: string; values: { label: string; value: string }[]; doneLabel: string; onDone(): void }) {
  const styles = useStyles();
  return (
    <DialogSurface aria-describedby="shown-once-warning">
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.form}>
          <MessageBar intent="warning" layout="multiline" id="shown-once-warning">
            <MessageBarBody>
              {warningTitle ? <MessageBarTitle>{warningTitle}</MessageBarTitle> : null}
              {warning}
            </MessageBarBody>
          </MessageBar>
          {values.map(({ label, value }) => (
            <CopyField key={label} label={label} value={value} />
          ))}
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" onClick={onDone}>
            {doneLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
