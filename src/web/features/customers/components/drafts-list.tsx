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
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowForward20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '#contracts/onboarding.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
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
  dialogContent: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed },
  },
});

/** What names a draft in the list: its company name, else the domain it would get; `null` when it has neither yet. */
export function draftName(draft: Draft): string | null {
  return draft.summary.companyName ?? draft.summary.domain;
}

function DiscardDraftDialog({ draft, name }: { draft: Draft; name: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const discard = useDiscardDraft();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        setOpen(data.open);
        if (!data.open) discard.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('customers.drafts.discardLabel', { name })}>
          {t('customers.drafts.discard')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customers.drafts.discardDialog.title', { name })}</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            {t('customers.drafts.discardDialog.body')}
            {discard.isError ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{errorMessage(discard.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('customers.drafts.discardDialog.cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={styles.danger}
              disabled={discard.isPending}
              icon={discard.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => discard.mutate(draft.id, { onSuccess: () => setOpen(false) })}
            >
              {discard.isPending ? t('customers.drafts.discardDialog.confirming') : t('customers.drafts.discardDialog.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
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
