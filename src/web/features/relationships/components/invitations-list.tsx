import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { MailArrowUp16Regular, MailInbox24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationStates, type Invitation, type InvitationState, type IssuedInvitation } from '#contracts/relationships.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { LoadMoreFooter } from '../../../app/ui/load-more-footer.tsx';
import { useInvitations } from '../api/get-invitations.ts';
import { useResendInvitation } from '../api/resend-invitation.ts';
import { RevokeInvitationDialog } from './revoke-invitation-dialog.tsx';

const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    [NARROW]: { flexDirection: 'column', alignItems: 'stretch' },
  },
  filter: { minWidth: '200px' },
  badge: { whiteSpace: 'nowrap' },
  table: { tableLayout: 'auto', minWidth: '760px', [NARROW]: { minWidth: 'auto' } },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const BADGE: Record<InvitationState, BadgeProps['color']> = {
  pending: 'brand',
  accepted: 'success',
  declined: 'warning',
  expired: 'subtle',
  revoked: 'danger',
};

const nameOf = (invitation: Invitation) => invitation.recipientName ?? invitation.recipientEmail ?? invitation.id;

/** The partner's invitations with their state; Resend and Revoke for those not yet answered (pending or expired). */
export function InvitationsList({ onIssued }: { onIssued: (invitation: IssuedInvitation) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [state, setState] = useState<InvitationState | null>(null);
  const invitations = useInvitations(state);
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (invitations.isPending) content = <Loading />;
  else if (invitations.isError && invitations.data === undefined)
    content = <QueryError title={t('relationships.list.loadFailed')} error={invitations.error} onRetry={() => void invitations.refetch()} />;
  else if (items.length === 0)
    content =
      state === null ? (
        <EmptyState icon={<MailInbox24Regular />} title={t('relationships.list.emptyTitle')} body={t('relationships.list.emptyBody')} />
      ) : (
        <EmptyState
          icon={<MailInbox24Regular />}
          title={t('relationships.list.noMatchesTitle')}
          body={t('relationships.list.noMatchesBody')}
          action={<Button onClick={() => setState(null)}>{t('relationships.list.allStates')}</Button>}
        />
      );
  else
    content = (
      <>
        <InvitationsTable invitations={items} onIssued={onIssued} />
        <LoadMoreFooter
          query={invitations}
          shown={t('relationships.list.shown', { count: items.length })}
          loadMoreLabel={t('relationships.list.loadMore')}
          loadingMoreLabel={t('relationships.list.loadingMore')}
          loadFailedTitle={t('relationships.list.loadFailed')}
        />
      </>
    );

  return (
    <Panel aria-labelledby="invitations-heading">
      <div className={styles.toolbar}>
        <PanelHeading id="invitations-heading">{t('relationships.list.heading')}</PanelHeading>
        <Field label={t('relationships.list.stateFilter')} className={styles.filter}>
          <Select value={state ?? ''} onChange={(_event, data) => setState(invitationStates.find((value) => value === data.value) ?? null)}>
            <option value="">{t('relationships.list.allStates')}</option>
            {invitationStates.map((value) => (
              <option key={value} value={value}>
                {t(`relationships.states.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {content}
    </Panel>
  );
}

function InvitationsTable({ invitations, onIssued }: { invitations: Invitation[]; onIssued: (invitation: IssuedInvitation) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const resend = useResendInvitation();
  const failed = resend.isError ? invitations.find((invitation) => invitation.id === resend.variables) : undefined;
  return (
    <>
      {failed ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('relationships.list.actionFailed', { name: nameOf(failed), message: errorMessage(resend.error) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ScrollRegion label={t('relationships.list.tableLabel')}>
        <Table className={styles.table} aria-label={t('relationships.list.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('relationships.list.columns.recipient')}</TableHeaderCell>
              <TableHeaderCell>{t('relationships.list.columns.state')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('relationships.list.columns.sentBy')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('relationships.list.columns.sentAt')}</TableHeaderCell>
              <TableHeaderCell className={styles.wideOnly}>{t('relationships.list.columns.expires')}</TableHeaderCell>
              <TableHeaderCell>{t('relationships.list.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {invitations.map((invitation) => {
              const name = nameOf(invitation);
              const resending = resend.isPending && resend.variables === invitation.id;
              return (
                <TableRow key={invitation.id}>
                  <TableCell>
                    <span className={styles.name}>{name}</span>
                    {invitation.recipientEmail && invitation.recipientEmail !== name ? <span className={styles.secondary}>{invitation.recipientEmail}</span> : null}
                    {invitation.indirectProvider ? <span className={styles.secondary}>{t('relationships.list.withProvider', { name: invitation.indirectProvider.name })}</span> : null}
                    {/* On a phone, who sent it and when move under the recipient. */}
                    <span className={mergeClasses(styles.secondary, styles.narrowOnly)}>
                      {invitation.createdBy.displayName} · {format.date(invitation.lastSentAt)}
                    </span>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={BADGE[invitation.state]} className={styles.badge}>
                      {t(`relationships.states.${invitation.state}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.wideOnly}>
                    <span className={styles.name}>{invitation.createdBy.displayName}</span>
                    <span className={styles.secondary}>{invitation.createdBy.email}</span>
                  </TableCell>
                  <TableCell className={styles.wideOnly}>
                    {format.dateTime(invitation.lastSentAt)}
                    {invitation.sentCount > 1 ? <span className={styles.secondary}>{t('relationships.list.sentTimes', { times: String(invitation.sentCount) })}</span> : null}
                  </TableCell>
                  <TableCell className={styles.wideOnly}>{invitation.state === 'pending' || invitation.state === 'expired' ? format.date(invitation.expiresAt) : '—'}</TableCell>
                  <TableCell>
                    {/* Not yet answered: an expired one can be resent (a new link and expiry) too. */}
                    {invitation.state === 'pending' || invitation.state === 'expired' ? (
                      <div className={styles.actions}>
                        <Button
                          size="small"
                          icon={resending ? <Spinner size="tiny" /> : <MailArrowUp16Regular />}
                          disabled={resend.isPending}
                          aria-label={t('relationships.list.resendLabel', { name })}
                          onClick={() => resend.mutate(invitation.id, { onSuccess: onIssued })}
                        >
                          {t('relationships.list.resend')}
                        </Button>
                        <RevokeInvitationDialog invitation={invitation} name={name} />
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
