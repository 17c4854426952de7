import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { actions, allowedActions, assertAllowed, assertCan, can, deniedActions, denialOf, isAction, isRole, partnerKinds, roles, type Action, type PartnerKind, type Role } from './roles.ts';

/** The whole matrix for a direct or indirect provider organisation, written out as SPEC §1 reads. */
const expected: Record<Role, Record<Action, boolean>> = {
  global_admin: {
    'customers.add': true, 'customers.view': true, 'customers.edit': true, 'customers.assign_reseller': true, 'agreements.confirm': true,
    'relationships.request': true, 'subscriptions.manage': true, 'orders.create': true, 'offers.view': true,
    'pricing.view': true, 'billing.manage': true, 'users.manage': true, 'apps.manage': true, 'tokens.manage_own': true,
    'audit.view': true, 'support.manage': true, 'customer_users.manage': true, 'customer_users.reset_password': true,
  },
  admin_agent: {
    'customers.add': true, 'customers.view': true, 'customers.edit': true, 'customers.assign_reseller': true, 'agreements.confirm': true,
    'relationships.request': true, 'subscriptions.manage': true, 'orders.create': true, 'offers.view': true,
    'pricing.view': true, 'billing.manage': false, 'users.manage': false, 'apps.manage': false, 'tokens.manage_own': true,
    'audit.view': false, 'support.manage': false, 'customer_users.manage': true, 'customer_users.reset_password': true,
  },
  sales_agent: {
    'customers.add': true, 'customers.view': true, 'customers.edit': false, 'customers.assign_reseller': true, 'agreements.confirm': true,
    'relationships.request': true, 'subscriptions.manage': false, 'orders.create': true, 'offers.view': true,
    'pricing.view': true, 'billing.manage': false, 'users.manage': false, 'apps.manage': false, 'tokens.manage_own': true,
    'audit.view': false, 'support.manage': false, 'customer_users.manage': false, 'customer_users.reset_password': false,
  },
  helpdesk_agent: {
    'customers.add': false, 'customers.view': true, 'customers.edit': true, 'customers.assign_reseller': false, 'agreements.confirm': false,
    'relationships.request': false, 'subscriptions.manage': false, 'orders.create': false, 'offers.view': false,
    'pricing.view': false, 'billing.manage': false, 'users.manage': false, 'apps.manage': false, 'tokens.manage_own': true,
    'audit.view': false, 'support.manage': true, 'customer_users.manage': false, 'customer_users.reset_password': true,
  },
  billing_admin: {
    'customers.add': false, 'customers.view': true, 'customers.edit': false, 'customers.assign_reseller': false, 'agreements.confirm': false,
    'relationships.request': false, 'subscriptions.manage': false, 'orders.create': false, 'offers.view': false,
    'pricing.view': true, 'billing.manage': true, 'users.manage': false, 'apps.manage': false, 'tokens.manage_own': true,
    'audit.view': false, 'support.manage': false, 'customer_users.manage': false, 'customer_users.reset_password': false,
  },
};

const resellerNever: readonly Action[] = ['customers.add', 'agreements.confirm', 'customers.assign_reseller'];
/** Only an indirect provider has resellers to associate with a customer. */
const providerOnly: readonly Action[] = ['customers.assign_reseller'];

const cells = partnerKinds.flatMap((kind) =>
  roles.flatMap((role) => actions.map((action) => [kind, role, action] as [PartnerKind, Role, Action])),
);

describe('can', () => {
  it('covers the whole matrix', () => {
    expect(cells).toHaveLength(partnerKinds.length * roles.length * actions.length);
  });

  it.each(cells)('%s %s %s', (kind, role, action) => {
    const allowed = expected[role][action] && !(kind === 'indirect_reseller' && resellerNever.includes(action)) && !(kind === 'direct' && providerOnly.includes(action));
    expect(can(kind, [role], action)).toBe(allowed);
  });

  it('lets an indirect reseller request relationships and view its customers', () => {
    expect(can('indirect_reseller', ['admin_agent'], 'relationships.request')).toBe(true);
    expect(can('indirect_reseller', ['sales_agent'], 'customers.view')).toBe(true);
  });

  it('never lets an indirect reseller add customers or confirm agreements, whatever the roles', () => {
    for (const action of resellerNever) expect(can('indirect_reseller', [...roles], action)).toBe(false);
  });

  it('grants what any of several roles grants', () => {
    expect(can('direct', ['helpdesk_agent', 'billing_admin'], 'support.manage')).toBe(true);
    expect(can('direct', ['helpdesk_agent', 'billing_admin'], 'billing.manage')).toBe(true);
    expect(can('direct', ['helpdesk_agent', 'billing_admin'], 'customers.add')).toBe(false);
  });

  it('grants nothing without roles', () => {
    for (const action of actions) expect(can('direct', [], action)).toBe(false);
  });
});

const standing = (kind: PartnerKind, instanceId = 'public', usgovValidated = false) => ({ kind, instanceId, usgovValidated });

describe('allowedActions', () => {
  it('lists what can allows, in the order of actions', () => {
    expect(allowedActions(standing('direct'), ['billing_admin'])).toEqual(['customers.view', 'pricing.view', 'billing.manage', 'tokens.manage_own']);
    expect(allowedActions(standing('indirect_reseller'), ['global_admin'])).toEqual(actions.filter((a) => !resellerNever.includes(a)));
  });

  it('leaves out adding customers for a US Government partner not yet validated, and only that', () => {
    const all = allowedActions(standing('indirect_provider', 'usgov', true), ['global_admin']);
    expect(all).toEqual(actions);
    expect(allowedActions(standing('indirect_provider', 'usgov', false), ['global_admin'])).toEqual(actions.filter((a) => a !== 'customers.add'));
  });
});

describe('denialOf and deniedActions', () => {
  it('gives the reason a person can act on', () => {
    expect(denialOf(standing('direct'), ['sales_agent'], 'customers.add')).toBeNull();
    expect(denialOf(standing('direct'), ['helpdesk_agent'], 'customers.add')).toBe('role');
    expect(denialOf(standing('direct'), ['billing_admin'], 'customers.add')).toBe('role');
    expect(denialOf(standing('indirect_reseller'), ['global_admin'], 'customers.add')).toBe('partner_kind');
    expect(denialOf(standing('direct', 'usgov', false), ['global_admin'], 'customers.add')).toBe('partner_not_validated');
    // The role comes first: a helpdesk agent of an unvalidated partner is told about its role.
    expect(denialOf(standing('direct', 'usgov', false), ['helpdesk_agent'], 'customers.add')).toBe('role');
    // A validated partner, or another instance, is not held back.
    expect(denialOf(standing('direct', 'usgov', true), ['global_admin'], 'customers.add')).toBeNull();
    expect(denialOf(standing('direct', 'public', false), ['global_admin'], 'customers.add')).toBeNull();
  });

  it('lists every refused action once, and none that is allowed', () => {
    const partner = standing('indirect_reseller');
    const denied = deniedActions(partner, ['sales_agent']);
    expect(denied).toContainEqual({ action: 'customers.add', reason: 'partner_kind' });
    expect(denied).toContainEqual({ action: 'billing.manage', reason: 'role' });
    const allowed = allowedActions(partner, ['sales_agent']);
    expect(denied.map((d) => d.action).filter((a) => allowed.includes(a))).toEqual([]);
    expect(denied.length + allowed.length).toBe(actions.length);
  });
});

describe('assertAllowed', () => {
  it('refuses an unvalidated US Government partner with its own code', () => {
    expect(() => assertAllowed(standing('direct', 'usgov', false), ['global_admin'], 'customers.add')).toThrow(expect.objectContaining({ code: 'partner_not_validated', status: 403 }));
    expect(() => assertAllowed(standing('direct'), ['helpdesk_agent'], 'customers.add')).toThrow(expect.objectContaining({ code: 'insufficient_privileges' }));
    expect(() => assertAllowed(standing('direct', 'usgov', true), ['sales_agent'], 'customers.add')).not.toThrow();
  });
});

describe('assertCan', () => {
  it('passes when allowed', () => {
    expect(() => assertCan('direct', ['sales_agent'], 'customers.add')).not.toThrow();
  });

  it('throws insufficient_privileges naming the action', () => {
    let thrown: unknown;
    try {
      assertCan('direct', ['helpdesk_agent'], 'customers.add');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'insufficient_privileges',
      status: 403,
      pcCode: 900308,
      data: ['customers.add'],
      message: 'Your roles do not allow this action; ask a global admin of your organization.',
    });
  });

  it('explains the indirect reseller rule', () => {
    expect(() => assertCan('indirect_reseller', ['global_admin'], 'agreements.confirm')).toThrow(
      'An indirect reseller cannot do this; its indirect provider does it.',
    );
  });
});

describe('guards', () => {
  it('tell roles and actions', () => {
    expect(isRole('sales_agent')).toBe(true);
    expect(isRole('operator')).toBe(false);
    expect(isAction('orders.create')).toBe(true);
    expect(isAction('orders.delete')).toBe(false);
  });
});
