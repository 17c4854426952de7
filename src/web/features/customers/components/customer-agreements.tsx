import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { useCustomerAgreements } from '../api/get-customer-agreements.ts';
import { CollectionContent } from './customer-section.tsx';
import { DetailList } from './detail-list.tsx';

const useStyles = makeStyles({
  agreement: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  type: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The customer's confirmations that it accepted the agreement, latest first; `action` adds one (Add confirmation). */
export function CustomerAgreements({ customerId, action }: { customerId: string; action?: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const confirmedBy = (agreement: { userId: string | null; partnerId: string }) => {
    if (agreement.partnerId !== user.partner.id) return t('customerDetail.agreements.confirmedByProvider');
    return agreement.userId === user.id ? t('customerDetail.agreements.confirmedByYou') : t('customerDetail.agreements.confirmedByColleague');
  };
  const agreements = useCustomerAgreements(customerId);

  const missing = (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('customerDetail.agreements.emptyTitle')}</MessageBarTitle>
        {t('customerDetail.agreements.emptyBody')}
      </MessageBarBody>
    </MessageBar>
  );

  return (
    <Panel aria-labelledby="agreements-heading">
      <PanelHeading id="agreements-heading">{t('customerDetail.agreements.title')}</PanelHeading>
      <CollectionContent query={agreements} loadFailed={t('customerDetail.agreements.loadFailed')} empty={missing}>
        {(items) =>
          [...items].sort((a, b) => b.dateAgreed.localeCompare(a.dateAgreed)).map((agreement) => (
            <div key={agreement.id} className={styles.agreement}>
              <h3 className={styles.type}>{t(`customerDetail.agreements.types.${agreement.type}`)}</h3>
              <DetailList
                items={[
                  {
                    label: t('customerDetail.agreements.dateAgreed'),
                    // The date the customer accepted, a calendar date: shown as UTC so no time zone moves it a day.
                    value: <time dateTime={agreement.dateAgreed}>{format.date(agreement.dateAgreed.slice(0, 10) + 'T12:00:00Z')}</time>,
                  },
                  {
                    label: t('customerDetail.agreements.signer'),
                    value: `${agreement.primaryContact.firstName} ${agreement.primaryContact.lastName}`.trim(),
                  },
                  { label: t('customerDetail.agreements.signerEmail'), value: agreement.primaryContact.email },
                  {
                    label: t('customerDetail.agreements.signerPhone'),
                    value: agreement.primaryContact.phoneNumber || <span className={styles.muted}>{t('customerDetail.notProvided')}</span>,
                  },
                  { label: t('customerDetail.agreements.confirmedBy'), value: confirmedBy(agreement) },
                  { label: t('customerDetail.agreements.template'), value: <span className={styles.code}>{agreement.templateId}</span> },
                ]}
              />
              {agreement.agreementLink ? (
                <Link href={agreement.agreementLink} target="_blank" rel="noopener noreferrer" className={styles.link}>
                  {t('customerDetail.agreements.viewAgreement')}
                  <Open16Regular aria-hidden />
                  <span className={styles.visuallyHidden}>{t('customerDetail.agreements.opensInNewTab')}</span>
                </Link>
              ) : null}
            </div>
          ))
        }
      </CollectionContent>
      {action ? <div className={styles.actions}>{action}</div> : null}
    </Panel>
  );
}
