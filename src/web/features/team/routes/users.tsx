import '../locales/register-en-US.ts';
import { Badge, makeStyles, mergeClasses, shorthands, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PartnerUser } from '#contracts/team.ts';
import { useFormatters } from '../../../app/format.ts';
import { NotFoundPage } from '../../../app/not-found.tsx';
import { useCurrentUser } from '../../../app/session.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useUsers } from '../api/get-users.ts';
import { AddUserDialog } from '../components/add-user-dialog.tsx';
import { UserActions } from '../components/user-actions.tsx';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '900px' },
  // Both layouts stay mounted and CSS shows one: a dialog opened from a row survives a resize.
  wide: { '@media (max-width: 767px)': { display: 'none' } },
  narrow: { '@media (min-width: 768px)': { display: 'none' } },
  name: { fontWeight: tokens.fontWeightSemibold },
  secondary: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    ':last-child': { borderBottomStyle: 'none' },
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  email: { overflowWrap: 'anywhere' },
});

function useCells() {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  return {
    // A role's name stays on one line; the list wraps between them.
    roles: (user: PartnerUser) =>
      user.roles.map((role, index) => (
        <span key={role} className={styles.nowrap}>
          {t(`roles.${role}`)}
          {index < user.roles.length - 1 ? ', ' : ''}
        </span>
      )),
    state: (user: PartnerUser) => (
      <span className={styles.badges}>
        <Badge appearance="tint" className={styles.badge} color={user.state === 'active' ? 'success' : 'subtle'}>
          {t(`team.states.${user.state}`)}
        </Badge>
        {user.mustChangePassword && user.state === 'active' ? (
          <Badge appearance="tint" className={styles.badge} color="warning">
            {t('team.mustChange')}
          </Badge>
        ) : null}
      </span>
    ),
    lastSignIn: (user: PartnerUser) => (user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('team.neverSignedIn')),
  };
}

function UsersTable({ users, selfId }: { users: PartnerUser[]; selfId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const cells = useCells();
  return (
    <div className={styles.wide}>
      <ScrollRegion label={t('team.tableLabel')}>
        <Table className={styles.table} aria-label={t('team.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('team.columns.name')}</TableHeaderCell>
              <TableHeaderCell>{t('team.columns.email')}</TableHeaderCell>
              <TableHeaderCell>{t('team.columns.roles')}</TableHeaderCell>
              <TableHeaderCell>{t('team.columns.state')}</TableHeaderCell>
              <TableHeaderCell>{t('team.columns.lastSignIn')}</TableHeaderCell>
              <TableHeaderCell>{t('team.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((user) => (
              <TableRow key={user.id}>
                <TableCell>
                  <span className={styles.name}>{user.displayName}</span> {user.id === selfId ? <span className={styles.secondary}>{t('team.you')}</span> : null}
                </TableCell>
                <TableCell>{user.email}</TableCell>
                <TableCell>{cells.roles(user)}</TableCell>
                <TableCell>{cells.state(user)}</TableCell>
                <TableCell className={styles.nowrap}>{cells.lastSignIn(user)}</TableCell>
                <TableCell>
                  <UserActions user={user} isSelf={user.id === selfId} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </div>
  );
}

/** On a phone: one block per user, the same facts and commands, nothing to scroll sideways. */
function UsersList({ users, selfId }: { users: PartnerUser[]; selfId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const cells = useCells();
  return (
    <ul className={mergeClasses(styles.list, styles.narrow)} aria-label={t('team.tableLabel')}>
      {users.map((user) => (
        <li key={user.id} className={styles.item}>
          <div className={styles.line}>
            <Text className={styles.name}>{user.displayName}</Text>
            {user.id === selfId ? <span className={styles.secondary}>{t('team.you')}</span> : null}
            {cells.state(user)}
          </div>
          <Text className={styles.email}>{user.email}</Text>
          <Text className={styles.secondary}>
            {t('team.columns.roles')}: {cells.roles(user)}
          </Text>
          <Text className={styles.secondary}>
            {t('team.columns.lastSignIn')}: {cells.lastSignIn(user)}
          </Text>
          <UserActions user={user} isSelf={user.id === selfId} />
        </li>
      ))}
    </ul>
  );
}

function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  let content;
  if (users.isPending) content = <Loading />;
  else if (users.isError) content = <QueryError title={t('team.loadFailed')} error={users.error} onRetry={() => void users.refetch()} />;
  else
    content = (
      <>
        <UsersTable users={users.data} selfId={me.id} />
        <UsersList users={users.data} selfId={me.id} />
      </>
    );
  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.description')} actions={<AddUserDialog />} />
      <Panel aria-label={t('team.tableLabel')}>{content}</Panel>
    </>
  );
}

/** Settings → Users, for global admins (`users.manage`); for anyone else the page does not exist. */
export function Component() {
  const user = useCurrentUser();
  return user.actions.includes('users.manage') ? <UsersPage /> : <NotFoundPage />;
}
