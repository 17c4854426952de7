import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowForward20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Draft } from '#contracts/onboarding.ts';
import { useFormatters } from '../../../app/format.ts';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import { useDiscardDraft } from '../api/discard-draft.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: 'solid',
    borderTopColor: tokens.colorNeutralStroke2,
    ':first-child': { borderTopStyle: 'none' },
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** What names a draft in the list: its company name, else the domain it would get; `null` when it has neither yet. */
export function draftName(draft: Draft): string | null {
  return draft.summary.companyName ?? draft.summary.domain;
}

function DiscardDraftDialog({ draft, name }: { draft: Draft; name: string }) {
  const { t } = useTranslation();
  const discard = useDiscardDraft();
  return (
    <ConfirmDialog
      trigger={
        <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('customers.drafts.discardLabel', { name })}>
          {t('customers.drafts.discard')}
        </Button>
      }
      title={t('customers.drafts.discardDialog.title', { name })}
      body={t('customers.drafts.discardDialog.body')}
      cancelLabel={t('customers.drafts.discardDialog.cancel')}
      confirmLabel={t('customers.drafts.discardDialog.confirm')}
      confirmingLabel={t('customers.drafts.discardDialog.confirming')}
      action={discard}
      onConfirm={(close) => discard.mutate(draft.id, { onSuccess: close })}
    />
  );
}

/** My unfinished add-customer wizards, each to resume where it was left or to discard. */
export function DraftsList({ drafts }: { drafts: Draft[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Panel aria-labelledby="drafts-heading">
      <PanelHeading id="drafts-heading">{t('customers.drafts.title')}</PanelHeading>
      <Text className={styles.meta}>{t('customers.drafts.description')}</Text>
      <ul className={styles.list}>
        {drafts.map((draft) => {
          const name = draftName(draft) ?? t('customers.drafts.untitled');
          const { companyName, domain, country } = draft.summary;
          const where = [companyName === null ? null : domain, country === null ? null : format.region(country)].filter((part) => part !== null);
          return (
            <li key={draft.id} className={styles.item}>
              <div className={styles.text}>
                <Text className={styles.name}>{name}</Text>
                {where.length > 0 ? (
                  <Text size={200} className={styles.meta}>
                    {where.join(' · ')}
                  </Text>
                ) : null}
                <Text size={200} className={styles.meta}>
                  {t('customers.drafts.savedAt', { step: t(`customers.drafts.steps.${draft.step}`) })}{' '}
                  <time dateTime={draft.updatedAt}>{format.dateTime(draft.updatedAt)}</time>
                  {' · '}
                  {t('customers.drafts.expires')} <time dateTime={draft.expiresAt}>{format.date(draft.expiresAt)}</time>
                </Text>
              </div>
              <div className={styles.actions}>
                <LinkButton
                  icon={<ArrowForward20Regular />}
                  iconPosition="after"
                  to={`/customers/new/${draft.step}?draft=${encodeURIComponent(draft.id)}`}
                  aria-label={t('customers.drafts.resumeLabel', { name })}
                >
                  {t('customers.drafts.resume')}
                </LinkButton>
                <DiscardDraftDialog draft={draft} name={name} />
              </div>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
