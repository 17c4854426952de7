import { Field, Input, makeStyles, Select, tokens, type InputProps } from '@fluentui/react-components';
import { useController, useFormContext, useFormState } from 'react-hook-form';
import { useFieldErrorText } from '../field-errors.ts';
import type { WizardField, WizardValues } from '../wizard-form.ts';

export const useFormStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  full: { gridColumn: '1 / -1' },
  sectionDescription: { color: tokens.colorNeutralForeground2, marginBlockStart: `calc(-1 * ${tokens.spacingVerticalS})` },
});

/** A field's error as text, in the UI language (see useFieldErrorText). */
export function useFieldError(name: WizardField, params?: Record<string, string | number>): string | undefined {
  const { control, getFieldState } = useFormContext<WizardValues>();
  const formState = useFormState({ control, name });
  const text = useFieldErrorText();
  return text(getFieldState(name, formState).error, params);
}

/**
 * A control's props bound to the form's field, controlled (the form's value on every render); a change
 * clears the field's error until the next check.
 */
function useBoundField(name: WizardField, onValueChange?: (value: string) => void) {
  const { control, clearErrors } = useFormContext<WizardValues>();
  const { field } = useController({ control, name });
  return {
    ref: field.ref,
    name: field.name,
    value: typeof field.value === 'string' ? field.value : '',
    onBlur: field.onBlur,
    onChange: (_event: unknown, data: { value: string }) => {
      clearErrors(name);
      field.onChange(data.value);
      onValueChange?.(data.value);
    },
  };
}

interface TextFieldProps {
  name: WizardField;
  label: string;
  required?: boolean;
  hint?: string | undefined;
  type?: InputProps['type'];
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  contentAfter?: InputProps['contentAfter'];
  max?: string;
  className?: string;
  /** Shown below the field when there is no error (e.g. a live check's answer). */
  status?: { text: string; state: 'success' | 'warning' | 'none' } | null;
  onValueChange?: (value: string) => void;
}

/** A text input bound to the wizard form; typing clears the field's error until the next check. */
export function TextField({ name, label, required, hint, type, autoComplete, inputMode, contentAfter, max, className, status, onValueChange }: TextFieldProps) {
  // Controlled: Fluent's Input keeps its own value, so the form's value is handed to it on every render.
  const bound = useBoundField(name, onValueChange);
  const error = useFieldError(name);
  const message = error ?? status?.text;
  return (
    <Field
      label={label}
      required={required ?? false}
      hint={hint}
      className={className}
      validationMessage={message}
      validationState={error ? 'error' : (status?.state ?? 'none')}
    >
      <Input
        {...bound}
        {...(type ? { type } : {})}
        {...(max ? { max } : {})}
        autoComplete={autoComplete ?? 'off'}
        {...(inputMode ? { inputMode } : {})}
        contentAfter={contentAfter}
      />
    </Field>
  );
}

interface SelectFieldProps {
  name: WizardField;
  label: string;
  required?: boolean;
  hint?: string | undefined;
  className?: string;
  /** Shown first with an empty value, e.g. "Choose a state". */
  placeholder?: string;
  options: readonly { value: string; label: string }[];
  onValueChange?: (value: string) => void;
}

/**
 * A select bound to the wizard form. Controlled, like TextField: when its options change (another
 * country's languages), the browser would otherwise show the first option while the form kept the
 * old value, and the form would submit something other than what the screen shows.
 */
export function SelectField({ name, label, required, hint, className, placeholder, options, onValueChange }: SelectFieldProps) {
  const bound = useBoundField(name, onValueChange);
  const error = useFieldError(name);
  return (
    <Field label={label} required={required ?? false} hint={hint} className={className} validationMessage={error}>
      <Select {...bound}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
