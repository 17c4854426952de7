/**
 * Who may do what (SPEC §1). A user may hold several roles; an action is allowed when one of them
 * grants it and the partner organisation's kind does not forbid it.
 */
import { DomainError } from './errors.ts';

export const roles = ['global_admin', 'admin_agent', 'sales_agent', 'helpdesk_agent', 'billing_admin'] as const;
export type Role = (typeof roles)[number];

export const partnerKinds = ['direct', 'indirect_provider', 'indirect_reseller'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const actions = [
  'customers.add',
  'customers.view',
  'customers.edit',
  /** (ours) An indirect provider assigns, changes or clears a customer's indirect reseller. */
  'customers.assign_reseller',
  'agreements.confirm',
  'relationships.request',
  'subscriptions.manage',
  'orders.create',
  'offers.view',
  'pricing.view',
  'billing.manage',
  'users.manage',
  /** (ours) Register apps for the API and manage their secrets (Partner Center: App management, global admins). */
  'apps.manage',
  'tokens.manage_own',
  'audit.view',
  'support.manage',
  /**
   * A customer's users, as Partner Center lets a partner support them: add and delete users and assign
   * them licenses from the customer's subscriptions. Partner Center gives it to admin agents (and
   * global admins): "Admin agent: manage user accounts and licenses of customers".
   */
  'customer_users.manage',
  /**
   * Reset a customer user's password (the new one shown once). Partner Center lets helpdesk agents do
   * it as well as admin agents ("Helpdesk agent: reset passwords of customers' users").
   */
  'customer_users.reset_password',
] as const;
export type Action = (typeof actions)[number];

/**
 * What each role grants. Global admin: everything. The others as SPEC §1 lists them, plus what
 * those duties need (ours, noted): everyone manages their own API tokens; an admin agent, who adds
 * customers with subscriptions, sees the offers and their prices for the wizard's estimate; a sales
 * agent sees the customers it sells to.
 */
const grants: Readonly<Record<Role, readonly Action[]>> = {
  global_admin: actions,
  admin_agent: [
    'customers.add',
    'customers.view',
    'customers.edit',
    'customers.assign_reseller',
    'agreements.confirm',
    'relationships.request',
    'subscriptions.manage',
    'orders.create',
    'offers.view',
    'pricing.view',
    'tokens.manage_own',
    'customer_users.manage',
    'customer_users.reset_password',
  ],
  sales_agent: [
    'customers.add',
    'customers.view',
    // The reseller a customer buys through is part of the sale (ours).
    'customers.assign_reseller',
    'agreements.confirm',
    'relationships.request',
    'offers.view',
    'pricing.view',
    'orders.create',
    'tokens.manage_own',
  ],
  helpdesk_agent: ['customers.view', 'customers.edit', 'support.manage', 'tokens.manage_own', 'customer_users.reset_password'],
  billing_admin: ['billing.manage', 'pricing.view', 'customers.view', 'tokens.manage_own'],
};

/**
 * What an organisation of a kind can never do, whatever its users' roles: an indirect reseller's
 * customers are added, and their agreements confirmed, by its indirect provider (SPEC §1); only an
 * indirect provider has resellers to associate with a customer.
 */
const forbiddenForKind: Readonly<Record<PartnerKind, readonly Action[]>> = {
  direct: ['customers.assign_reseller'],
  indirect_provider: [],
  indirect_reseller: ['customers.add', 'agreements.confirm', 'customers.assign_reseller'],
};

export function can(kind: PartnerKind, userRoles: readonly Role[], action: Action): boolean {
  if (forbiddenForKind[kind].includes(action)) return false;
  return userRoles.some((role) => grants[role].includes(action));
}

/** The actions a user may take, e.g. for the portal to show or hide commands. */
export function allowedActions(partner: PartnerStanding, userRoles: readonly Role[]): Action[] {
  return actions.filter((action) => denialOf(partner, userRoles, action) === null);
}

/** Why an action is refused: the user's roles, the organisation's kind, or an unvalidated US Government partner. */
export const denialReasons = ['role', 'partner_kind', 'partner_not_validated'] as const;
export type DenialReason = (typeof denialReasons)[number];

/** What decides an action beyond the roles: the organisation's kind, instance and validation (SPEC §1, §8). */
export interface PartnerStanding {
  kind: PartnerKind;
  instanceId: string;
  usgovValidated: boolean;
}

/** Actions a US Government partner may take only once the operator has validated it (SPEC §8). */
const needsUsgovValidation: readonly Action[] = ['customers.add'];

/** Why the user may not take the action, or null when it may: the one rule behind the API's refusals and the portal's notices. */
export function denialOf(partner: PartnerStanding, userRoles: readonly Role[], action: Action): DenialReason | null {
  if (forbiddenForKind[partner.kind].includes(action)) return 'partner_kind';
  if (!userRoles.some((role) => grants[role].includes(action))) return 'role';
  if (partner.instanceId === 'usgov' && !partner.usgovValidated && needsUsgovValidation.includes(action)) return 'partner_not_validated';
  return null;
}

/** Every refused action with its reason, for the portal to say why before a form is filled. */
export function deniedActions(partner: PartnerStanding, userRoles: readonly Role[]): { action: Action; reason: DenialReason }[] {
  return actions.flatMap((action) => {
    const reason = denialOf(partner, userRoles, action);
    return reason === null ? [] : [{ action, reason }];
  });
}

/** Throws the refusal of `denialOf` with its own code: insufficient privileges, or a partner not yet validated. */
export function assertAllowed(partner: PartnerStanding, userRoles: readonly Role[], action: Action): void {
  const reason = denialOf(partner, userRoles, action);
  if (reason === null) return;
  if (reason === 'partner_not_validated') {
    throw new DomainError('partner_not_validated', 'Your organisation is not yet validated for US Government: it cannot add customers until the operator validates it.', [], [action]);
  }
  assertCan(partner.kind, userRoles, action);
}

export function assertCan(kind: PartnerKind, userRoles: readonly Role[], action: Action): void {
  if (can(kind, userRoles, action)) return;
  const reason = !forbiddenForKind[kind].includes(action)
    ? 'Your roles do not allow this action; ask a global admin of your organization.'
    : kind === 'indirect_reseller'
      ? 'An indirect reseller cannot do this; its indirect provider does it.'
      : 'Only an indirect provider can do this.';
  throw new DomainError('insufficient_privileges', reason, [], [action]);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isAction(value: string): value is Action {
  return (actions as readonly string[]).includes(value);
}
