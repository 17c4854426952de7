import { Checkbox, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { roleSchema, type Role } from '#contracts/auth.ts';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column' },
  description: { color: tokens.colorNeutralForeground3, paddingInlineStart: '32px', marginBlockStart: `calc(-1 * ${tokens.spacingVerticalXS})` },
});

/** One checkbox per role (SPEC §1), each with a line saying what it allows. */
export function RoleCheckboxes({ value, onChange, error }: { value: readonly Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const toggle = (role: Role, checked: boolean) => onChange(roleSchema.options.filter((option) => (option === role ? checked : value.includes(option))));
  return (
    <Field validationMessage={error} hint={t('team.rolesHint')}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('team.rolesLegend')}</legend>
        {roleSchema.options.map((role) => (
          <div key={role} className={styles.option}>
            <Checkbox
              label={t(`roles.${role}`)}
              checked={value.includes(role)}
              onChange={(_event, data) => toggle(role, data.checked === true)}
              aria-describedby={`role-description-${role}`}
            />
            <Text size={200} id={`role-description-${role}`} className={styles.description}>
              {t(`team.roleDescriptions.${role}`)}
            </Text>
          </div>
        ))}
      </fieldset>
    </Field>
  );
}
