import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '#contracts/customers.ts';
import { useFormatters } from '../../../app/format.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { DetailList } from './detail-list.tsx';
import { DomainName } from './domain-name.tsx';
import { formatAddressLines } from './format-address.ts';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  address: { fontStyle: 'normal' },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/** "English (United States)" for en-US, in the reader's language; the tag itself if Intl does not know it. */
function useLanguageName(): (tag: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
    return (tag: string) => {
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
  }, [i18n.language]);
}

/** The company and billing profile; `action` is what the signed-in user may do about it (edit the billing profile). */
export function CustomerProfile({ customer, action }: { customer: Customer; action?: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const languageName = useLanguageName();
  const address = customer.billingProfile.defaultAddress;
  const notProvided = <span className={styles.muted}>{t('customerDetail.notProvided')}</span>;
  const lines = formatAddressLines(address, format.region(address.country));
  return (
    <Panel aria-labelledby="profile-heading">
      <div className={styles.heading}>
        <PanelHeading id="profile-heading">{t('customerDetail.profile.title')}</PanelHeading>
        {action}
      </div>
      <DetailList
        items={[
          { label: t('customerDetail.profile.companyName'), value: customer.companyProfile.companyName },
          { label: t('customerDetail.profile.domain'), value: <span className={styles.mono}>
                <DomainName domain={customer.companyProfile.domain} />
              </span> },
          { label: t('customerDetail.profile.customerId'), value: <span className={styles.mono}>{customer.id}</span> },
          {
            label: t('customerDetail.profile.registrationNumber'),
            value: customer.companyProfile.organizationRegistrationNumber || notProvided,
          },
          {
            label: t('customerDetail.profile.address'),
            value: (
              <address className={styles.address}>
                {lines.map((line, index) => (
                  <span key={index}>
                    {line}
                    {index < lines.length - 1 ? <br /> : null}
                  </span>
                ))}
              </address>
            ),
          },
          { label: t('customerDetail.profile.contact'), value: `${address.firstName} ${address.lastName}`.trim() || notProvided },
          { label: t('customerDetail.profile.email'), value: customer.billingProfile.email },
          { label: t('customerDetail.profile.phone'), value: address.phoneNumber || notProvided },
          { label: t('customerDetail.profile.language'), value: languageName(customer.billingProfile.language) },
          { label: t('customerDetail.profile.culture'), value: `${languageName(customer.billingProfile.culture)} (${customer.billingProfile.culture})` },
          {
            label: t('customerDetail.profile.createdAt'),
            value: <time dateTime={customer.createdAt}>{format.date(customer.createdAt)}</time>,
          },
        ]}
      />
    </Panel>
  );
}
