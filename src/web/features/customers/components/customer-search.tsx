import { Button, Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSort } from '#contracts/customers.ts';
import { customersExportUrl, type CustomerListQuery, type CustomerSearchField } from '../api/get-customers.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  // Each control takes a share of the row and wraps to a line of its own on a phone.
  field: { flex: '1 1 160px', maxWidth: '260px', '@media (max-width: 639px)': { maxWidth: 'none' } },
  search: { flex: '3 1 220px', maxWidth: '420px', '@media (max-width: 639px)': { maxWidth: 'none' } },
  export: { marginInlineStart: 'auto' },
});

export const sortOptions: { value: CustomerSort; label: 'nameAscending' | 'nameDescending' | 'newest' | 'oldest' }[] = [
  { value: 'companyName', label: 'nameAscending' },
  { value: '-companyName', label: 'nameDescending' },
  { value: '-createdAt', label: 'newest' },
  { value: 'createdAt', label: 'oldest' },
];

export interface Option {
  value: string;
  label: string;
}

/** The search (inside names or domains), the filters, the order, and Export CSV of what they select. */
export function CustomerSearch({
  query,
  input,
  onInputChange,
  onQueryChange,
  countries,
  resellers,
  notice,
}: {
  query: CustomerListQuery;
  /** The search box's text; `query.search` follows it after a pause. */
  input: string;
  onInputChange: (value: string) => void;
  onQueryChange: (change: Partial<Omit<CustomerListQuery, 'search'>>) => void;
  countries: Option[];
  /** `null` when the caller has no resellers to filter by (not an indirect provider). */
  resellers: Option[] | null;
  notice?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root}>
      <div className={styles.row} role="search">
        <Field label={t('customers.searchBy')} className={styles.field}>
          <Select value={query.field} onChange={(_event, data) => onQueryChange({ field: data.value as CustomerSearchField })}>
            <option value="CompanyName">{t('customers.fields.CompanyName')}</option>
            <option value="Domain">{t('customers.fields.Domain')}</option>
          </Select>
        </Field>
        <Field label={t('customers.searchLabel')} className={styles.search}>
          <SearchBox
            value={input}
            onChange={(_event, data) => onInputChange(data.value)}
            placeholder={query.field === 'CompanyName' ? t('customers.searchPlaceholderCompanyName') : t('customers.searchPlaceholderDomain')}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className={styles.row} role="group" aria-label={t('customersList.filters')}>
        <Field label={t('customersList.country')} className={styles.field}>
          <Select value={query.country ?? ''} onChange={(_event, data) => onQueryChange({ country: data.value === '' ? null : data.value })}>
            <option value="">{t('customersList.allCountries')}</option>
            {countries.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        {resellers !== null ? (
          <Field label={t('customersList.reseller')} className={styles.field}>
            <Select value={query.resellerId ?? ''} onChange={(_event, data) => onQueryChange({ resellerId: data.value === '' ? null : data.value })}>
              <option value="">{t('customersList.allResellers')}</option>
              {resellers.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={t('customersList.sort')} className={styles.field}>
          <Select value={query.sort} onChange={(_event, data) => onQueryChange({ sort: data.value as CustomerSort })}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`customersList.sorts.${option.label}`)}
              </option>
            ))}
          </Select>
        </Field>
        {/* A plain link: the server streams the file and the browser saves it, however many customers match. */}
        <Button as="a" href={customersExportUrl(query)} download="customers.csv" icon={<ArrowDownload20Regular />} className={styles.export}>
          {t('customersList.exportCsv')}
        </Button>
      </div>
      {notice}
    </div>
  );
}
