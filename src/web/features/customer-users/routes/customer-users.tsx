/**
 * /customers/:customerId/users: the customer's Users tab. The users (name, user name, roles, licenses),
 * Add user (the password shown once, with copy), Reset password, Delete (confirmed), Assign licenses (a
 * checkbox per subscription with what is available), and the licenses in use per subscription. Only what
 * the session's actions allow is offered: customer_users.manage, customer_users.reset_password.
 */
import '../../customers/locales/register-en-US.ts';
import '../locales/register-en-US.ts';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular, KeyReset20Regular, MoreHorizontal20Regular, PersonAdd20Regular, Ribbon20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CustomerUser, SubscribedSku } from '#contracts/customer-users.ts';
import { isApiError, uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.tsx';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { ScrollRegion } from '../../../app/ui/scroll-region.tsx';
import { useCustomer } from '../../customers/api/get-customer.ts';
import { Breadcrumbs } from '../../customers/components/customer-breadcrumbs.tsx';
import { CustomerTabs } from '../../customers/components/customer-tabs.tsx';
import {
  useCreateCustomerUser,
  useCustomerUsers,
  useDeleteCustomerUser,
  useResetCustomerUserPassword,
  useSubscribedSkus,
  useUpdateLicenses,
} from '../api/customer-users.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NARROW = '@media (max-width: 639px)';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  headingRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  table: { tableLayout: 'auto', minWidth: '720px', [NARROW]: { minWidth: 'auto' } },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'block' } },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: 'tabular-nums' },
  dialog: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  full: { gridColumn: '1 / -1' },
});

/** The password a create or reset answered, shown this once with copy. */
function OncePassword({ user }: { user: CustomerUser }) {
  const { t } = useTranslation();
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>{t('customerUsers.password.once')}</MessageBarBody>
      </MessageBar>
      <CopyField label={t('customerUsers.password.user')} value={user.userPrincipalName} />
      <CopyField label={t('customerUsers.password.password')} value={user.passwordProfile.password ?? ''} />
    </>
  );
}

function AddUserDialog({ customerId, domain, country }: { customerId: string; domain: string; country: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateCustomerUser(customerId);
  const [open, setOpen] = useState(false);
  const [requestId, setRequestId] = useState(uuid);
  const fieldError = (field: string) => (isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field.toLowerCase() === field.toLowerCase())?.message : undefined);
  // The answer (its password) is forgotten when the dialog opens again, not as it closes: the closing
  // dialog keeps showing it rather than an empty form that a click could still submit.
  const close = (next: boolean) => {
    if (next) {
      create.reset();
      setRequestId(uuid());
    }
    setOpen(next);
  };
  // Typing after a refusal makes the next submission a new request.
  const edited = () => {
    if (create.isError) {
      create.reset();
      setRequestId(uuid());
    }
  };
  const created = create.data;
  const general = create.isError && !(isApiError(create.error) && create.error.fieldErrors.some((e) => ['displayName', 'userPrincipalName', 'firstName', 'lastName', 'usageLocation'].includes(e.field)));
  return (
    <Dialog open={open} onOpenChange={(_event, data) => close(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<PersonAdd20Regular />}>
          {t('customerUsers.add.button')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (create.isPending) return;
            // Read from the form itself: what the fields show is what is sent.
            const data = new FormData(event.currentTarget);
            const value = (name: string) => String(data.get(name) ?? '').trim();
            create.mutate({
              requestId,
              body: {
                displayName: value('displayName'),
                firstName: value('firstName') || null,
                lastName: value('lastName') || null,
                userPrincipalName: `${value('userName')}@${domain}`,
                usageLocation: value('usageLocation') || null,
              },
            });
          }}
        >
          <DialogBody>
            <DialogTitle>{t('customerUsers.add.title')}</DialogTitle>
            <DialogContent className={styles.dialog}>
              {created ? (
                <>
                  <Text>{t('customerUsers.add.created', { name: created.displayName })}</Text>
                  <OncePassword user={created} />
                </>
              ) : (
                <div className={styles.grid}>
                  <Field label={t('customerUsers.add.firstName')} validationMessage={fieldError('firstName')}>
                    <Input name="firstName" onChange={edited} autoComplete="off" />
                  </Field>
                  <Field label={t('customerUsers.add.lastName')} validationMessage={fieldError('lastName')}>
                    <Input name="lastName" onChange={edited} autoComplete="off" />
                  </Field>
                  <Field label={t('customerUsers.add.displayName')} required className={styles.full} validationMessage={fieldError('displayName')}>
                    <Input name="displayName" onChange={edited} autoComplete="off" />
                  </Field>
                  <Field label={t('customerUsers.add.userName')} required className={styles.full} hint={t('customerUsers.add.userNameHint', { domain })} validationMessage={fieldError('userPrincipalName')}>
                    <Input name="userName" onChange={edited} autoComplete="off" contentAfter={<Text size={200}>@{domain}</Text>} />
                  </Field>
                  <Field label={t('customerUsers.add.usageLocation')} hint={t('customerUsers.add.usageLocationHint')} validationMessage={fieldError('usageLocation')}>
                    <Input name="usageLocation" defaultValue={country} onChange={edited} autoComplete="off" maxLength={2} />
                  </Field>
                </div>
              )}
              {general ? (
                <MessageBar intent="error">
                  <MessageBarBody>{errorMessage(create.error)}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              {created ? (
                // Inside the form: a plain button, not a second submission.
                <Button appearance="primary" type="button" onClick={() => close(false)}>
                  {t('customerUsers.password.done')}
                </Button>
              ) : (
                <>
                  <Button appearance="primary" type="submit" disabled={create.isPending} icon={create.isPending ? <Spinner size="tiny" /> : undefined}>
                    {create.isPending ? t('customerUsers.add.submitting') : t('customerUsers.add.submit')}
                  </Button>
                  <DialogTrigger disableButtonEnhancement>
                    <Button type="button">{t('customerUsers.add.cancel')}</Button>
                  </DialogTrigger>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function ResetPasswordDialog({ customerId, user, onClose }: { customerId: string; user: CustomerUser; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetCustomerUserPassword(customerId);
  const [requestId] = useState(uuid);
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customerUsers.reset.title', { name: user.displayName })}</DialogTitle>
          <DialogContent className={styles.dialog}>
            {reset.data ? <OncePassword user={reset.data} /> : <Text>{t('customerUsers.reset.question', { name: user.displayName })}</Text>}
            {reset.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>{errorMessage(reset.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            {reset.data ? (
              <Button appearance="primary" onClick={onClose}>
                {t('customerUsers.password.done')}
              </Button>
            ) : (
              <>
                <Button appearance="primary" disabled={reset.isPending} icon={reset.isPending ? <Spinner size="tiny" /> : undefined} onClick={() => reset.mutate({ userId: user.id, requestId })}>
                  {t('customerUsers.reset.confirm')}
                </Button>
                <Button onClick={onClose}>{t('customerUsers.reset.cancel')}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function LicensesDialog({ customerId, user, skus, onClose }: { customerId: string; user: CustomerUser; skus: SubscribedSku[]; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const update = useUpdateLicenses(customerId);
  const [requestId, setRequestId] = useState(uuid);
  const held = new Set(user.licenses.map((l) => l.subscriptionId));
  const [chosen, setChosen] = useState(held);
  const usable = skus.filter((sku) => sku.capabilityStatus === 'Enabled' || held.has(sku.subscriptionId));
  const save = () => {
    const licensesToAssign = [...chosen].filter((id) => !held.has(id)).map((subscriptionId) => ({ subscriptionId }));
    const licensesToRemove = [...held].filter((id) => !chosen.has(id));
    update.mutate({ userId: user.id, requestId, body: { licensesToAssign, licensesToRemove } }, { onSuccess: onClose, onError: () => setRequestId(uuid()) });
  };
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('customerUsers.licenses.title', { name: user.displayName })}</DialogTitle>
          <DialogContent className={styles.dialog}>
            <Text>{t('customerUsers.licenses.description')}</Text>
            {usable.length === 0 ? <Text className={styles.muted}>{t('customerUsers.licenses.none')}</Text> : null}
            {usable.map((sku) => {
              const checked = chosen.has(sku.subscriptionId);
              // A license the user holds counts as available to it.
              const full = sku.availableUnits === 0 && !held.has(sku.subscriptionId);
              return (
                <Checkbox
                  key={sku.subscriptionId}
                  checked={checked}
                  disabled={full && !checked}
                  onChange={(_event, data) => {
                    const next = new Set(chosen);
                    if (data.checked === true) next.add(sku.subscriptionId);
                    else next.delete(sku.subscriptionId);
                    setChosen(next);
                  }}
                  label={
                    <>
                      <span className={styles.name}>{sku.subscriptionFriendlyName}</span>
                      <span className={styles.secondary}>{t('customerUsers.licenses.available', { available: format.number(sku.availableUnits), total: format.number(sku.totalUnits) })}</span>
                    </>
                  }
                />
              );
            })}
            {update.isError ? (
              <MessageBar intent="error">
                <MessageBarBody>{errorMessage(update.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={update.isPending || usable.length === 0} icon={update.isPending ? <Spinner size="tiny" /> : undefined} onClick={save}>
              {update.isPending ? t('customerUsers.licenses.saving') : t('customerUsers.licenses.save')}
            </Button>
            <Button onClick={onClose}>{t('customerUsers.licenses.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function UserActions({ customerId, user, skus, canManage, canReset }: { customerId: string; user: CustomerUser; skus: SubscribedSku[]; canManage: boolean; canReset: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteCustomerUser(customerId);
  const [open, setOpen] = useState<'reset' | 'licenses' | null>(null);
  const canDelete = canManage && !user.isTenantAdmin;
  if (!canManage && !canReset) return null;
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={t('customerUsers.actions.menu', { name: user.displayName })} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {canReset ? (
              <MenuItem icon={<KeyReset20Regular />} onClick={() => setOpen('reset')}>
                {t('customerUsers.actions.resetPassword')}
              </MenuItem>
            ) : null}
            {canManage ? (
              <MenuItem icon={<Ribbon20Regular />} onClick={() => setOpen('licenses')}>
                {t('customerUsers.actions.licenses')}
              </MenuItem>
            ) : null}
          </MenuList>
        </MenuPopover>
      </Menu>
      {canDelete ? (
        <ConfirmDialog
          trigger={<Button appearance="subtle" icon={<Delete20Regular />} aria-label={`${t('customerUsers.actions.delete')}: ${user.displayName}`} />}
          title={t('customerUsers.remove.title', { name: user.displayName })}
          body={t('customerUsers.remove.body', { name: user.displayName })}
          cancelLabel={t('customerUsers.remove.cancel')}
          confirmLabel={t('customerUsers.remove.confirm')}
          confirmingLabel={t('customerUsers.remove.confirming')}
          action={remove}
          onConfirm={(close) => remove.mutate(user.id, { onSuccess: close })}
        />
      ) : null}
      {open === 'reset' ? <ResetPasswordDialog customerId={customerId} user={user} onClose={() => setOpen(null)} /> : null}
      {open === 'licenses' ? <LicensesDialog customerId={customerId} user={user} skus={skus} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function UsersTable({ customerId, users, skus, canManage, canReset }: { customerId: string; users: CustomerUser[]; skus: SubscribedSku[]; canManage: boolean; canReset: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const licenseNames = (user: CustomerUser) =>
    user.licenses.length === 0 ? <span className={styles.muted}>{t('customerUsers.noLicenses')}</span> : user.licenses.map((l) => skus.find((s) => s.subscriptionId === l.subscriptionId)?.subscriptionFriendlyName ?? l.skuName).join(', ');
  const roles = (user: CustomerUser) =>
    user.directoryRoles.length === 0 ? (
      <span className={styles.muted}>{t('customerUsers.noRoles')}</span>
    ) : (
      <span className={styles.tags}>
        {user.directoryRoles.map((role) => (
          <Badge key={role.id} appearance="tint" color="informative">
            {role.name}
          </Badge>
        ))}
      </span>
    );
  return (
    <ScrollRegion label={t('customerUsers.tableLabel')}>
      <Table className={styles.table} aria-label={t('customerUsers.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('customerUsers.columns.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customerUsers.columns.roles')}</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>{t('customerUsers.columns.licenses')}</TableHeaderCell>
            {canManage || canReset ? <TableHeaderCell>{t('customerUsers.columns.actions')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell>
                <span className={styles.name}>{user.displayName}</span>
                <span className={styles.secondary}>{user.userPrincipalName}</span>
                <span className={styles.narrowOnly}>
                  {roles(user)}
                  <span className={styles.secondary}>{licenseNames(user)}</span>
                </span>
              </TableCell>
              <TableCell className={styles.wideOnly}>{roles(user)}</TableCell>
              <TableCell className={styles.wideOnly}>{licenseNames(user)}</TableCell>
              {canManage || canReset ? (
                <TableCell>
                  <UserActions customerId={customerId} user={user} skus={skus} canManage={canManage} canReset={canReset} />
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function LicensesInUse({ skus }: { skus: SubscribedSku[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Panel aria-labelledby="licenses-heading">
      <PanelHeading id="licenses-heading">{t('customerUsers.inUse.title')}</PanelHeading>
      {skus.length === 0 ? (
        <Text className={styles.muted}>{t('customerUsers.inUse.empty')}</Text>
      ) : (
        <ScrollRegion label={t('customerUsers.inUse.tableLabel')}>
          <Table aria-label={t('customerUsers.inUse.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('customerUsers.inUse.columns.subscription')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('customerUsers.inUse.columns.assigned')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('customerUsers.inUse.columns.available')}</TableHeaderCell>
                <TableHeaderCell className={styles.wideOnly}>{t('customerUsers.inUse.columns.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {skus.map((sku) => (
                <TableRow key={sku.subscriptionId}>
                  <TableCell>
                    <span className={styles.name}>{sku.subscriptionFriendlyName}</span>
                    {sku.productSku.name !== sku.subscriptionFriendlyName ? <span className={styles.secondary}>{sku.productSku.name}</span> : null}
                  </TableCell>
                  <TableCell className={styles.number}>
                    {format.number(sku.consumedUnits)} / {format.number(sku.totalUnits)}
                  </TableCell>
                  <TableCell className={styles.number}>{format.number(sku.availableUnits)}</TableCell>
                  <TableCell className={styles.wideOnly}>
                    <Badge appearance="tint" color={sku.capabilityStatus === 'Enabled' ? 'success' : 'warning'}>
                      {t(`customerUsers.inUse.statuses.${sku.capabilityStatus}`)}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Panel>
  );
}

function CustomerUsersPage({ customerId }: { customerId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const session = useCurrentUser();
  const customer = useCustomer(customerId);
  const users = useCustomerUsers(customerId);
  const skus = useSubscribedSkus(customerId);
  const canManage = session.actions.includes('customer_users.manage');
  const canReset = session.actions.includes('customer_users.reset_password');
  if (customer.isPending) return <Loading />;
  if (customer.isError) {
    return (
      <>
        <PageHeader title={t('customerDetail.title')} />
        <QueryError title={t('customerDetail.loadFailed')} error={customer.error} onRetry={() => void customer.refetch()} />
      </>
    );
  }
  const { companyProfile } = customer.data;
  return (
    <>
      <Breadcrumbs current={companyProfile.companyName} />
      <PageHeader title={companyProfile.companyName} description={companyProfile.domain} />
      <CustomerTabs customerId={customerId} selected="users" />
      <div className={styles.sections}>
        <Panel aria-labelledby="users-heading">
          <div className={styles.headingRow}>
            <PanelHeading id="users-heading">{t('customerUsers.title')}</PanelHeading>
            {canManage ? <AddUserDialog customerId={customerId} domain={companyProfile.domain} country={customer.data.billingProfile.defaultAddress.country} /> : null}
          </div>
          <Text className={styles.secondary}>{t('customerUsers.description')}</Text>
          {users.isPending || skus.isPending ? (
            <Spinner size="small" label={t('app.loading')} />
          ) : users.isError ? (
            <QueryError title={t('customerUsers.loadFailed')} error={users.error} onRetry={() => void users.refetch()} />
          ) : users.data.length === 0 ? (
            <Text className={styles.muted}>{t('customerUsers.empty')}</Text>
          ) : (
            <UsersTable customerId={customerId} users={users.data} skus={skus.data ?? []} canManage={canManage} canReset={canReset} />
          )}
        </Panel>
        {skus.data ? <LicensesInUse skus={skus.data} /> : skus.isError ? <QueryError title={t('customerUsers.loadFailed')} error={skus.error} onRetry={() => void skus.refetch()} /> : null}
      </div>
    </>
  );
}

export function Component() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  if (!GUID.test(customerId)) return <PageHeader title={t('customerDetail.notFound.title')} description={t('customerDetail.notFound.body')} />;
  return <CustomerUsersPage key={customerId} customerId={customerId} />;
}
