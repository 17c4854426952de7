import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema, type Role } from '#contracts/auth.ts';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column' },
  description: { color: tokens.colorNeutralForeground3, paddingInlineStart: '32px', marginBlockStart: `calc(-1 * ${tokens.spacingVerticalXS})` },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * One checkbox per role (SPEC §1), each with a line saying what it allows. Not inside a Fluent Field:
 * a Field gives its one control id to every checkbox in it, and each label would then check the first.
 */
export function RoleCheckboxes({ value, onChange, error }: { value: readonly Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const id = useId();
  const toggle = (role: Role, checked: boolean) => onChange(roleSchema.options.filter((option) => (option === role ? checked : value.includes(option))));
  return (
    <fieldset className={styles.fieldset} aria-describedby={`${id}-hint`} aria-invalid={error ? true : undefined}>
      <legend className={styles.legend}>{t('team.rolesLegend')}</legend>
      {roleSchema.options.map((role) => (
        <div key={role} className={styles.option}>
          <Checkbox
            label={t(`roles.${role}`)}
            checked={value.includes(role)}
            onChange={(_event, data) => toggle(role, data.checked === true)}
            aria-describedby={`${id}-${role}`}
          />
          <Text size={200} id={`${id}-${role}`} className={styles.description}>
            {t(`team.roleDescriptions.${role}`)}
          </Text>
        </div>
      ))}
      <Text size={200} id={`${id}-hint`} className={error ? styles.error : styles.hint} role={error ? 'alert' : undefined}>
        {error ?? t('team.rolesHint')}
      </Text>
    </fieldset>
  );
}
