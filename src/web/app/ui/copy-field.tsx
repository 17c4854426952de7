import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  input: { flexGrow: 1, minWidth: 0 },
  value: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * `navigator.clipboard` needs a secure context; over plain http fall back to the selection: of the
 * field's own input, or of a momentary off-screen text area holding `text`.
 */
export async function copyText(text: string, input: HTMLInputElement | null = null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (input !== null) {
      input.select();
      return document.execCommand('copy');
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.insetInlineStart = '-9999px';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

/** A value to take away (a secret shown once): read-only, selectable, with a copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await copyText(value, inputRef.current)) ? 'copied' : 'failed');
  return (
    <Field
      label={label}
      validationState={state === 'failed' ? 'error' : state === 'copied' ? 'success' : 'none'}
      validationMessage={state === 'failed' ? t('app.copyFailed') : state === 'copied' ? t('app.copied') : undefined}
      validationMessageIcon={null}
    >
      {(fieldProps) => (
        <div className={styles.row}>
          <Input
            {...fieldProps}
            ref={inputRef}
            value={value}
            readOnly
            className={styles.input}
            input={{ className: styles.value, spellCheck: false }}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button icon={state === 'copied' ? <Checkmark20Regular /> : <Copy20Regular />} onClick={() => void copy()}>
            {t('app.copy')}
          </Button>
        </div>
      )}
    </Field>
  );
}
