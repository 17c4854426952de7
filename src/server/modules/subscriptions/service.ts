import type { Subscription } from '#contracts/orders.ts';
import type { ChangeableSubscriptionField, SubscriptionChange, UpdateSubscriptionRequest } from '#contracts/subscriptions.ts';
import { validatePurchaseLimit, validateQuantity } from '#domain/customer-rules.ts';
import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import { decreaseRefusal, planDecrease } from '#domain/subscription/license-window.ts';
import { oddCharacter } from '#domain/text.ts';
import type { Db } from '#db/database.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import { findVisibleCustomer } from '#server/modules/customers/repository.ts';
import { purchasesOf, toSubscription } from '#server/modules/orders/subscription-shape.ts';
import * as repo from './repository.ts';

/** How many changes the history answers with (latest first). */
const HISTORY_LIMIT = 200;

type Value = string | number | boolean | null;
type FieldChange = { field: ChangeableSubscriptionField; oldValue: Value; newValue: Value };

/**
 * The version an etag names (`W/"3"`, `"3"`, `3`), `'any'` for `*`, or a 400 naming where it came from.
 * Our etag is the subscription's version (orders' toSubscription writes it).
 */
export function versionOfEtag(etag: string, field: string): number | 'any' {
  const value = etag.trim();
  if (value === '*') return 'any';
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) {
    const message = `${field} must be the etag the subscription was read with (attributes.etag, e.g. W/"3").`;
    throw new DomainError('invalid_input', message, [{ field, code: 'etag_invalid', message }]);
  }
  return Number(match[1]);
}

export function createSubscriptionsService({ db, ids, clock, idempotency }: { db: Db; ids: IdGenerator; clock: Clock; idempotency: Idempotency }) {
  /** The customer, when the caller sees it (404 otherwise), and whose subscriptions of it the caller sees. */
  async function scopeOf(principal: Principal, customerId: string) {
    const row = await findVisibleCustomer(db, principal.user.partner.id, customerId);
    if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
    return { customerId: row.id, partnerId: principal.user.partner.id, providerId: row.indirect_provider_id };
  }

  /** What the body asks to change, compared with the stored subscription; field errors for what is wrong. */
  function changesOf(row: repo.LockedSubscription, body: UpdateSubscriptionRequest): { changes: FieldChange[]; errors: FieldError[] } {
    const changes: FieldChange[] = [];
    const errors: FieldError[] = [];
    if (body.quantity != null && body.quantity !== row.quantity) {
      const quantityErrors = validateQuantity(body.quantity, { min: row.min_quantity, max: row.max_quantity }, 'quantity');
      errors.push(...quantityErrors);
      if (quantityErrors.length === 0) changes.push({ field: 'quantity', oldValue: row.quantity, newValue: body.quantity });
    }
    if (body.status != null) {
      const status = body.status.trim().toLowerCase();
      if (status !== 'active' && status !== 'suspended') {
        errors.push({ field: 'status', code: 'status_invalid', message: `status can be changed to active or suspended, not ${body.status.trim() || 'empty'}.` });
      } else if (status !== row.status) {
        changes.push({ field: 'status', oldValue: row.status, newValue: status });
      }
    }
    if (body.friendlyName != null) {
      const name = body.friendlyName.trim();
      const odd = oddCharacter(name);
      if (name === '') errors.push({ field: 'friendlyName', code: 'friendly_name_required', message: 'Enter a name for the subscription, or leave friendlyName out to keep it.' });
      else if (odd) errors.push({ field: 'friendlyName', code: odd.code, message: `friendlyName cannot hold ${odd.name ?? odd.codePoint} (${odd.codePoint}).` });
      else if (name !== row.friendly_name) changes.push({ field: 'friendlyName', oldValue: row.friendly_name, newValue: name });
    }
    if (body.autoRenewEnabled != null && body.autoRenewEnabled !== row.auto_renew) {
      changes.push({ field: 'autoRenewEnabled', oldValue: row.auto_renew, newValue: body.autoRenewEnabled });
    }
    return { changes, errors };
  }

  /**
   * A suspended subscription can only be reactivated (Partner Center: suspend, then reactivate; the
   * licenses, name and renewal are changed on an active one). A deleted or pending one not at all.
   */
  function assertChangeable(row: repo.LockedSubscription, changes: FieldChange[]) {
    if (row.status === 'active') return;
    const others = changes.filter((change) => change.field !== 'status');
    if (row.status === 'suspended' && others.length === 0) return;
    const fields = (row.status === 'suspended' ? others : changes).map((change) => change.field);
    const message =
      row.status === 'suspended'
        ? `The subscription is suspended: reactivate it (status active) first, then change ${fields.join(', ')}.`
        : `The subscription is ${row.status}: it cannot be changed.`;
    throw new DomainError('subscription_not_active', message, fields.map((field) => ({ field, code: 'subscription_not_active', message })));
  }

  return {
    /**
     * PATCH /v1/customers/{id}/subscriptions/{id}. `etag`: the If-Match header, else the body's
     * attributes.etag; without either the change applies to the subscription as it is (Partner Center
     * does not require If-Match on this call; the SDK's Patch sends none).
     */
    async update(principal: Principal, customerId: string, subscriptionId: string, body: UpdateSubscriptionRequest, ifMatch: string | undefined, key?: IdempotencyKey): Promise<{ status: number; body: Subscription; replayed: boolean }> {
      const scope = await scopeOf(principal, customerId);
      assertCan(principal.user.partner.kind, principal.user.roles, 'subscriptions.manage');
      const expected = ifMatch !== undefined ? versionOfEtag(ifMatch, 'If-Match') : body.attributes?.etag != null ? versionOfEtag(body.attributes.etag, 'attributes.etag') : 'any';

      return idempotency.run(key, { body, ifMatch: ifMatch ?? null }, async (trx) => {
        const row = await repo.lockSubscription(trx, customerId, subscriptionId, scope);
        if (!row) throw new DomainError('not_found', `There is no subscription ${subscriptionId} for this customer.`);
        if (row.partner_id !== scope.partnerId) {
          throw new DomainError('insufficient_privileges', 'Your indirect provider sold this subscription through you: it manages the subscription; ask it to change it.', [], ['subscriptions.manage']);
        }
        if (expected !== 'any' && expected !== row.version) {
          throw new DomainError('precondition_failed', `The subscription changed since it was read (etag W/"${expected}"; it is now W/"${row.version}"): get it again and repeat the change.`, [
            { field: 'If-Match', code: 'etag_stale', message: 'The subscription changed since it was read.' },
          ]);
        }
        const now = clock.now();
        const { changes, errors } = changesOf(row, body);
        if (errors.length > 0) throw fieldErrorsError(errors);
        let purchases = await repo.heldPurchases(trx, row.id);
        if (changes.length === 0) return { status: 200, body: toSubscription(row, purchasesOf(purchases, row.id), now) };
        assertChangeable(row, changes);

        const quantity = changes.find((change) => change.field === 'quantity');
        if (quantity) {
          const from = quantity.oldValue as number;
          const to = quantity.newValue as number;
          if (to > from) {
            if (row.purchase_limit !== null) {
              // Licenses of one customer's offer are bought one change or order at a time (orders lock the customer too).
              await trx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
              const held = await repo.otherHeldQuantity(trx, customerId, row.offer_id, row.id);
              const limitErrors = validatePurchaseLimit({ existingQuantity: held + from, requestedQuantity: to - from, limit: row.purchase_limit }, 'quantity');
              if (limitErrors.length > 0) throw fieldErrorsError(limitErrors);
            }
            await repo.insertPurchase(trx, row.id, to - from, now);
          } else {
            const plan = planDecrease(purchasesOf(purchases, row.id), from - to, now);
            if (!plan.ok) {
              const message = decreaseRefusal(from, to, plan.window);
              throw new DomainError('quantity_decrease_not_allowed', message, [{ field: 'quantity', code: 'quantity_decrease_not_allowed', message }], [from - plan.window.quantity]);
            }
            await repo.takeFromPurchases(trx, plan.take);
          }
          purchases = await repo.heldPurchases(trx, row.id);
        }

        const next = {
          quantity: (changes.find((change) => change.field === 'quantity')?.newValue as number | undefined) ?? row.quantity,
          status: (changes.find((change) => change.field === 'status')?.newValue as 'active' | 'suspended' | undefined) ?? row.status,
          friendly_name: (changes.find((change) => change.field === 'friendlyName')?.newValue as string | undefined) ?? row.friendly_name,
          auto_renew: (changes.find((change) => change.field === 'autoRenewEnabled')?.newValue as boolean | undefined) ?? row.auto_renew,
        };
        const version = await repo.updateSubscription(trx, row.id, row.version, { ...next, updated_at: now });
        if (version === undefined) {
          throw new DomainError('precondition_failed', 'The subscription changed while this change was applied: get it again and repeat the change.');
        }
        await repo.insertChange(trx, {
          id: ids.uuid(),
          subscription_id: row.id,
          customer_id: customerId,
          partner_id: scope.partnerId,
          user_id: principal.user.id,
          actor: principal.user.email,
          changes: JSON.stringify(changes),
          version,
          changed_at: now,
        });
        const result = toSubscription({ ...row, ...next, version }, purchasesOf(purchases, row.id), now);
        await recordAudit(trx, ids, principal, { operationType: 'update_subscription', resourceType: 'subscription', resourceId: row.id, customerId, newValue: { changes, subscription: result } }, now);
        return { status: 200, body: result };
      });
    },

    /** GET .../subscriptions/{id}/changes (ours): the history, for whoever may see the subscription. */
    async listChanges(principal: Principal, customerId: string, subscriptionId: string): Promise<SubscriptionChange[]> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const scope = await scopeOf(principal, customerId);
      if (!(await repo.findSubscriptionId(db, customerId, subscriptionId, scope))) throw new DomainError('not_found', `There is no subscription ${subscriptionId} for this customer.`);
      const rows = await repo.listChanges(db, subscriptionId, HISTORY_LIMIT);
      return rows.map((row) => ({
        id: row.id,
        subscriptionId: row.subscription_id,
        changeDate: row.changed_at.toISOString(),
        userPrincipalName: row.actor,
        changes: row.changes as FieldChange[],
        version: row.version,
        attributes: { objectType: 'SubscriptionChange' as const },
      }));
    },
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
