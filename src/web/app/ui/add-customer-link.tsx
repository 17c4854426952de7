import { PersonAdd20Regular } from '@fluentui/react-icons';
import type { SessionUser } from '#contracts/auth.ts';
import { useCurrentUser } from '../session.tsx';
import { LinkButton, type LinkButtonProps } from './router-link.tsx';

/** Whether the user may add customers, as the server's session says; only to show or hide the command. */
export function canAddCustomers(user: SessionUser): boolean {
  return user.actions.includes('customers.add');
}

export function useCanAddCustomers(): boolean {
  return canAddCustomers(useCurrentUser());
}

/** The link into the add-customer wizard, optionally with an indirect reseller preselected. */
export function addCustomerPath(resellerId?: string): string {
  return resellerId === undefined ? '/customers/new/account' : `/customers/new/account?reseller=${encodeURIComponent(resellerId)}`;
}

/** "Add customer": rendered only for users who may add customers. */
export function AddCustomerLink({ resellerId, children, ...props }: Omit<LinkButtonProps, 'to'> & { resellerId?: string }) {
  const allowed = useCanAddCustomers();
  if (!allowed) return null;
  return (
    <LinkButton icon={<PersonAdd20Regular />} {...props} to={addCustomerPath(resellerId)}>
      {children}
    </LinkButton>
  );
}
