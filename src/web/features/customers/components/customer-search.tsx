import { Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CustomerSearchField } from '../api/get-customers.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { minWidth: '160px' },
  search: { flexGrow: 1, maxWidth: '420px', minWidth: '220px' },
});

export function CustomerSearch({
  field,
  value,
  onFieldChange,
  onValueChange,
}: {
  field: CustomerSearchField;
  value: string;
  onFieldChange: (field: CustomerSearchField) => void;
  onValueChange: (value: string) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root} role="search">
      <Field label={t('customers.searchBy')} className={styles.field}>
        <Select value={field} onChange={(_event, data) => onFieldChange(data.value as CustomerSearchField)}>
          <option value="CompanyName">{t('customers.fields.CompanyName')}</option>
          <option value="Domain">{t('customers.fields.Domain')}</option>
        </Select>
      </Field>
      <Field label={t('customers.searchLabel')} className={styles.search}>
        <SearchBox
          value={value}
          onChange={(_event, data) => onValueChange(data.value)}
          placeholder={field === 'CompanyName' ? t('customers.searchPlaceholderCompanyName') : t('customers.searchPlaceholderDomain')}
          autoComplete="off"
        />
      </Field>
    </div>
  );
}
