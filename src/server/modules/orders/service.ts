import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { validatePrerequisites, validatePurchaseLimit, validateQuantity } from '#domain/customer-rules.ts';
import { currencySymbol } from '#domain/offer/currency.ts';
import { chooseTerm, termEnd, termOptions, type BillingCycle, type TermDuration } from '#domain/offer/terms.ts';
import { assertCan } from '#domain/roles.ts';
import type { CreateOrderRequest, Order } from '#contracts/orders.ts';
import type { SubscriptionListQuery } from '#contracts/subscriptions.ts';
import type { Db, Executor } from '#db/database.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import { link } from '#server/lib/links.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import type { AgreementsService } from '#server/modules/agreements/service.ts';
import { auditBatch, auditNow, type Audit } from '#server/modules/audit/repository.ts';
import { findVisibleCustomer } from '#server/modules/customers/repository.ts';
import { findOfferIds, findOffersForMarket, type OfferRow } from '#server/modules/offers/repository.ts';
import * as repo from './repository.ts';
import { purchasesOf, toSubscription } from './subscription-shape.ts';
import { provisioningStatusOf } from './provisioning-status.ts';

/** A cycle asked for: ours, or `unknown` (Partner Center's: the offer's own, usual cycle). */
type RequestedCycle = BillingCycle | 'unknown';
export type LineItemInput = CreateOrderRequest['lineItems'][number] & { billingCycle?: RequestedCycle | null | undefined };

/** `id` is null for a customer being created in the same transaction (it holds nothing yet). */
export interface OrderCustomer { id: string | null; country: string; instanceId: 'public' | 'usgov'; indirectResellerId: string | null }
export type ExistingCustomer = OrderCustomer & { id: string };

export interface PreparedItem {
  lineItemNumber: number;
  offer: OfferRow;
  quantity: number;
  friendlyName: string | null;
  partnerIdOnRecord: string | null;
  termDuration: TermDuration;
  billingCycle: BillingCycle;
}

export interface PreparedOrder {
  currency: string;
  /** One order per billing cycle, in the order of their first line; unbilled lines (trials) go with the first. */
  orders: { billingCycle: BillingCycle; items: PreparedItem[] }[];
}

/** Groups the lines into orders by billing cycle (an order has one, as in Partner Center). */
function ordersByBillingCycle(items: readonly PreparedItem[]): PreparedOrder['orders'] {
  const billed = items.filter((item) => item.billingCycle !== 'none');
  const orders: PreparedOrder['orders'] = [];
  for (const item of billed) {
    const order = orders.find((candidate) => candidate.billingCycle === item.billingCycle);
    if (order) order.items.push(item);
    else orders.push({ billingCycle: item.billingCycle, items: [item] });
  }
  const unbilled = items.filter((item) => item.billingCycle === 'none');
  if (unbilled.length > 0) {
    if (orders[0]) orders[0].items.push(...unbilled);
    else orders.push({ billingCycle: 'none', items: unbilled });
  }
  for (const order of orders) order.items.sort((a, b) => items.indexOf(a) - items.indexOf(b));
  return orders;
}

export interface OrdersDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  idempotency: Idempotency;
  /** The order's own confirmation of the Customer Agreement (`customerAgreement`) goes through the agreements module. */
  agreements: Pick<AgreementsService, 'prepare' | 'record'>;
}

export function createOrdersService({ db, ids, clock, idempotency, agreements }: OrdersDeps) {
  function toOrder(order: repo.OrderRow): Order {
    const self = `/v1/customers/${order.customer_id}/orders/${order.id}`;
    const provisioningStatus = link(`${self}/provisioningstatus`);
    return {
      id: order.id,
      alternateId: order.id,
      referenceCustomerId: order.customer_id,
      billingCycle: order.billing_cycle,
      transactionType: 'UserPurchase',
      currencyCode: order.currency,
      currencySymbol: currencySymbol(order.currency),
      lineItems: order.lineItems.map((item) => ({
        lineItemNumber: item.line_item_number,
        offerId: item.offer_id,
        offerName: item.offer_name,
        subscriptionId: item.subscription_id,
        friendlyName: item.friendly_name,
        quantity: item.quantity,
        termDuration: item.term_duration,
        transactionType: 'New',
        partnerIdOnRecord: item.partner_id_on_record,
        provisioningContext: {},
        links: { subscription: link(`/v1/customers/${order.customer_id}/subscriptions/${item.subscription_id}`), provisioningStatus },
      })),
      status: order.status,
      creationDate: order.created_at.toISOString(),
      links: { self: link(self), provisioningStatus },
      // An order is never changed once placed (its subscriptions are), so its first version is its only one.
      attributes: { etag: 'W/"1"', objectType: 'Order' },
    };
  }

  /**
   * Checks the line items against the catalog (SPEC §4 Quantity): the offer exists in the instance and
   * is sold in the customer's country, the quantity is within bounds and the per-customer limit, an
   * add-on's prerequisite is held or ordered with it, and each line's term and billing cycle are ones
   * its offer has (the line's own, else the order's cycle, else the offer's usual).
   */
  async function prepare(
    trx: Executor,
    customer: OrderCustomer,
    input: { lineItems: LineItemInput[]; billingCycle?: RequestedCycle | null | undefined },
    fieldPrefix = '',
  ): Promise<{ ok: true; value: PreparedOrder } | { ok: false; errors: FieldError[] }> {
    const at = (path: string) => (fieldPrefix ? `${fieldPrefix}.${path}` : path);
    const errors: FieldError[] = [];
    const offerIds = [...new Set(input.lineItems.map((item) => item.offerId.trim()))];
    const sold = new Map((await findOffersForMarket(trx, customer.instanceId, customer.country, offerIds)).map((offer) => [offer.id, offer]));
    const prerequisites = [...new Set([...sold.values()].flatMap((offer) => offer.prerequisite_offer_ids))];
    // Whether the other offers (not sold here, or prerequisites) exist at all, with their names for the
    // add-on message; the offers sold here are known already.
    const known = new Map<string, { id: string; name: string; active: boolean }>([...sold.values()].map((offer) => [offer.id, offer]));
    const unknown = [...new Set([...offerIds, ...prerequisites])].filter((id) => !sold.has(id));
    for (const offer of await findOfferIds(trx, customer.instanceId, unknown)) known.set(offer.id, offer);
    const held = customer.id ? await repo.heldQuantities(trx, customer.id, [...offerIds, ...prerequisites]) : new Map<string, number>();
    const orderedTotals = new Map<string, number>();
    const items: PreparedItem[] = [];
    /** The position of each prepared item in the request, for its field path. */
    const positions: number[] = [];
    const optionsOf = (offer: OfferRow) => termOptions([offer.term, ...offer.other_terms], offer.billing_cycles as BillingCycle[]);
    // Without a cycle asked for anywhere, one monthly order where every billed line can be monthly
    // (Partner Center's default); else each line its offer's usual cycle.
    const anyAsked = input.billingCycle != null || input.lineItems.some((item) => item.billingCycle != null);
    const monthlyForAll =
      !anyAsked &&
      input.lineItems.every((item) => {
        const offer = sold.get(item.offerId.trim());
        return !offer || offer.is_trial || optionsOf(offer).some((option) => (!item.termDuration?.trim() || option.duration === item.termDuration.trim()) && option.billingCycles.includes('monthly'));
      });

    for (const [index, item] of input.lineItems.entries()) {
      const offerId = item.offerId.trim();
      const offer = sold.get(offerId);
      if (!known.has(offerId) || known.get(offerId)?.active === false) {
        errors.push({ field: at(`lineItems.${index}.offerId`), code: 'offer_invalid', message: `There is no offer ${offerId} in this cloud instance's catalog.` });
        continue;
      }
      if (!offer) {
        errors.push({ field: at(`lineItems.${index}.offerId`), code: 'offer_not_sold_in_country', message: `Offer ${offerId} is not sold in ${customer.country}.` });
        continue;
      }
      const quantityErrors = validateQuantity(item.quantity, { min: offer.min_quantity, max: offer.max_quantity }, at(`lineItems.${index}.quantity`));
      errors.push(...quantityErrors);
      if (quantityErrors.length === 0) {
        const already = orderedTotals.get(offerId) ?? 0;
        errors.push(...validatePurchaseLimit({ existingQuantity: (held.get(offerId) ?? 0) + already, requestedQuantity: item.quantity, limit: offer.purchase_limit }, at(`lineItems.${index}.quantity`)));
        orderedTotals.set(offerId, already + item.quantity);
      }
      // A trial is not billed: the order's cycle does not apply to it, only one asked for the line itself.
      // `unknown` (the line's or the order's): the offer's own cycle, not the monthly default.
      const orderCycle = offer.is_trial || input.billingCycle === 'unknown' ? undefined : (input.billingCycle ?? (monthlyForAll ? 'monthly' : undefined));
      const lineCycle = item.billingCycle === 'unknown' ? undefined : (item.billingCycle ?? orderCycle);
      const choice = chooseTerm(optionsOf(offer), {
        termDuration: item.termDuration,
        billingCycle: lineCycle,
        termField: at(`lineItems.${index}.termDuration`),
        billingCycleField: at(item.billingCycle != null || input.billingCycle == null ? `lineItems.${index}.billingCycle` : 'billingCycle'),
      });
      if (!choice.ok) {
        errors.push(...choice.errors.map((error) => ({ ...error, message: `${offer.name}: ${error.message}` })));
        continue;
      }
      positions.push(index);
      items.push({
        lineItemNumber: item.lineItemNumber ?? index,
        offer,
        quantity: item.quantity,
        friendlyName: item.friendlyName?.trim() || null,
        partnerIdOnRecord: item.partnerIdOnRecord?.trim() || null,
        ...choice.value,
      });
    }

    for (const [position, item] of items.entries()) {
      errors.push(
        ...validatePrerequisites(
          {
            addOnName: item.offer.name,
            prerequisites: item.offer.prerequisite_offer_ids.map((id) => ({ id, name: known.get(id)?.name ?? null })),
            has: (id) => orderedTotals.has(id) || held.has(id),
          },
          at(`lineItems.${positions[position]}.offerId`),
        ),
      );
    }

    const numbers = items.map((item) => item.lineItemNumber);
    if (new Set(numbers).size !== numbers.length) {
      errors.push({ field: at('lineItems'), code: 'line_item_number_duplicate', message: 'Each line item needs its own lineItemNumber.' });
    }

    const currencies = new Set(items.map((item) => item.offer.currency));
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, value: { currency: [...currencies][0] ?? 'USD', orders: ordersByBillingCycle(items) } };
  }

  /**
   * Writes the orders (one per billing cycle), a subscription per line item, and the audit records (to
   * `audit`: at once, or in the caller's batch).
   */
  async function place(trx: Executor, principal: Principal, customer: ExistingCustomer, prepared: PreparedOrder, audit: Audit = auditNow(trx, ids, principal)): Promise<Order[]> {
    const placed: Order[] = [];
    for (const group of prepared.orders) placed.push(await placeOne(trx, principal, customer, prepared.currency, group, audit));
    return placed;
  }

  /** One order: its row, then its subscriptions and its lines, each in one statement. */
  async function placeOne(trx: Executor, principal: Principal, customer: ExistingCustomer, currency: string, group: PreparedOrder['orders'][number], audit: Audit): Promise<Order> {
    const now = clock.now();
    const partnerId = principal.user.partner.id;
    const order = { id: ids.uuid(), customer_id: customer.id, partner_id: partnerId, billing_cycle: group.billingCycle, status: 'completed' as const, currency, created_by_user_id: principal.user.id, created_at: now };
    const lines = group.items.map((item) => ({ item, subscriptionId: ids.uuid() }));
    await repo.insertOrder(trx, order);
    await repo.insertSubscriptions(
      trx,
      lines.map(({ item, subscriptionId }) => ({
        id: subscriptionId,
        customer_id: customer.id,
        partner_id: partnerId,
        order_id: order.id,
        offer_id: item.offer.id,
        friendly_name: item.friendlyName ?? item.offer.name,
        quantity: item.quantity,
        unit_type: item.offer.unit_type,
        status: 'active',
        billing_cycle: item.billingCycle,
        term: item.termDuration,
        auto_renew: !item.offer.is_trial,
        partner_id_on_record: item.partnerIdOnRecord,
        indirect_reseller_id: customer.indirectResellerId,
        effective_start_date: now,
        commitment_end_date: termEnd(now, item.termDuration),
        created_at: now,
      })),
    );
    const lineItems = lines.map(({ item, subscriptionId }) => ({
      order_id: order.id,
      line_item_number: item.lineItemNumber,
      offer_id: item.offer.id,
      quantity: item.quantity,
      friendly_name: item.friendlyName,
      partner_id_on_record: item.partnerIdOnRecord,
      subscription_id: subscriptionId,
      term_duration: item.termDuration,
    }));
    await repo.insertLineItems(trx, lineItems);
    // What repo.listOrders reads back (lines by number, with their offer's name), from what was just written.
    const result = toOrder({
      ...order,
      lineItems: lineItems.map((line, index) => ({ ...line, offer_name: lines[index]!.item.offer.name })).sort((a, b) => a.line_item_number - b.line_item_number),
    });
    await audit({ operationType: 'create_order', resourceType: 'order', resourceId: order.id, customerId: customer.id, newValue: result }, now);
    return result;
  }

  async function visibleCustomer(executor: Executor, principal: Principal, customerId: string): Promise<ExistingCustomer & { scope: repo.SalesScope; associatedOnly: boolean }> {
    const row = await findVisibleCustomer(executor, principal.user.partner.id, customerId);
    if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
    return {
      // A reseller that only its provider associated with the customer (migration 0008).
      associatedOnly: row.origin === 'associated',
      id: row.id,
      country: row.country,
      instanceId: principal.user.partner.instanceId,
      indirectResellerId: row.indirect_reseller_id,
      // An indirect reseller also sees what its provider sold to this customer through it.
      scope: { partnerId: principal.user.partner.id, providerId: row.indirect_provider_id },
    };
  }

  /**
   * SPEC §8: a US Government customer transacts with one partner only (with an indirect provider, the
   * reseller it sells through counts as that partner). The acceptance of a second partner is refused
   * (tenant service); this holds for a customer that has two anyway (data from before the rule, or the
   * operator's).
   */
  async function assertSinglePartner(executor: Executor, principal: Principal, customer: ExistingCustomer & { scope: repo.SalesScope }) {
    const channel = [principal.user.partner.id, customer.indirectResellerId, customer.scope.providerId].filter((id): id is string => id !== null);
    const others = await repo.otherActivePartners(executor, customer.id, channel);
    if (others.length === 0) return;
    throw new DomainError('conflict', `This is a US Government customer: it transacts with one partner only, and it also has ${others.join(', ')}. The customer's admin removes the other partner first.`, [
      { field: 'customerId', code: 'usgov_single_partner', message: 'A US Government customer transacts with one partner only.' },
    ]);
  }

  /**
   * An indirect provider sells through the customer's associated reseller: each line's partnerIdOnRecord
   * is that reseller's Partner ID (MPN ID), filled in when left out (Partner Center: "the MPN ID of the
   * indirect reseller"). A line naming another partner, or naming one for a customer without a reseller,
   * is refused: the reseller is changed on the customer (Change reseller), not per order. Other partners'
   * lines are kept as sent.
   */
  async function withResellerOfRecord(executor: Executor, principal: Principal, customer: ExistingCustomer, lines: CreateOrderRequest['lineItems'], errors: FieldError[]) {
    if (principal.user.partner.kind !== 'indirect_provider') return lines;
    const reseller = customer.indirectResellerId
      ? await executor.selectFrom('partner_organizations').select(['mpn_id', 'name']).where('id', '=', customer.indirectResellerId).executeTakeFirst()
      : undefined;
    return lines.map((line, index) => {
      const named = line.partnerIdOnRecord?.trim() || null;
      if (named && named !== reseller?.mpn_id) {
        errors.push({
          field: `lineItems.${index}.partnerIdOnRecord`,
          code: 'reseller_invalid',
          message: reseller
            ? `This customer buys through ${reseller.name} (Partner ID ${reseller.mpn_id}): its lines name that reseller. Change the customer's reseller to sell through another.`
            : `This customer has no indirect reseller: associate one with the customer (Change reseller) before naming it on an order.`,
        });
        return line;
      }
      return { ...line, partnerIdOnRecord: reseller?.mpn_id ?? null };
    });
  }

  /** A customer whose orders and subscriptions the caller may read: the role first (SPEC §1), then its scope. */
  function viewableCustomer(principal: Principal, customerId: string) {
    assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
    return visibleCustomer(db, principal, customerId);
  }

  /** An order of a customer the caller may read, placed by (or sold through) its organisation. */
  async function viewableOrder(principal: Principal, customerId: string, orderId: string) {
    const { scope } = await viewableCustomer(principal, customerId);
    const [order] = await repo.listOrders(db, customerId, scope, orderId);
    if (!order) throw new DomainError('not_found', `There is no order ${orderId} for this customer.`);
    return order;
  }

  return {
    prepare,
    place,

    /**
     * POST /v1/customers/{id}/orders. With `customerAgreement` (ours), a customer without a Customer
     * Agreement confirmation gets one recorded with the order, both or neither (SPEC §7: "confirming the
     * agreement first if missing").
     */
    async create(principal: Principal, customerId: string, body: CreateOrderRequest, key?: IdempotencyKey) {
      const customer = await visibleCustomer(db, principal, customerId);
      const { partner } = principal.user;

      assertCan(partner.kind, principal.user.roles, 'orders.create');
      // Confirming the agreement on the way is confirming an agreement: the same right as POST .../agreements.
      if (body.customerAgreement) assertCan(partner.kind, principal.user.roles, 'agreements.confirm');
      // Confirming an agreement takes app + user credentials in Partner Center, also when it comes with an order.
      if (body.customerAgreement && principal.app?.appOnly) {
        throw new DomainError('app_only_not_supported', "customerAgreement can't be sent with application credentials: confirming an agreement takes app + user credentials (a refresh token made on the Apps page).");
      }
      // SPEC §1, issue 9: a reseller sees its provider's customer, but orders only with a relationship of
      // its own (the customer accepted the reseller's request); its provider orders otherwise.
      if (customer.associatedOnly) {
        throw new DomainError('insufficient_privileges', `Your organisation has no relationship of its own with this customer: its indirect provider sells to it. Request a relationship with the customer to order yourself.`, [], ['orders.create']);
      }
      return idempotency.run(key, body, async (trx) => {
        // Orders of one customer are placed one at a time, so a per-customer purchase limit holds under
        // concurrency, and two orders confirming the missing agreement at once record it once.
        await trx.selectFrom('customers').select('id').where('id', '=', customer.id).forUpdate().execute();
        const instance = await trx.selectFrom('cloud_instances').select('agreement_required').where('id', '=', customer.instanceId).executeTakeFirstOrThrow();
        const errors: FieldError[] = [];
        let confirmation: Awaited<ReturnType<AgreementsService['prepare']>> | undefined;
        if (instance.agreement_required) {
          const confirmed = await hasCustomerAgreement(trx, customer.id, customer.scope);
          if (confirmed && body.customerAgreement) {
            // Partner Center answers a second confirmation of an agreement with 600061; recording another
            // signer silently with an order would hide that the customer's acceptance was on file already.
            throw new DomainError('agreement_already_confirmed', "Your organisation has already confirmed this customer's acceptance of the Microsoft Customer Agreement: place the order without customerAgreement.", [
              { field: 'customerAgreement', code: 'agreement_already_confirmed', message: "The customer's acceptance of the Microsoft Customer Agreement is confirmed already." },
            ]);
          }
          if (!confirmed && !body.customerAgreement) {
            throw new DomainError('agreement_required', "Your organisation has not confirmed the customer's acceptance of the Microsoft Customer Agreement: confirm it (POST /v1/customers/{id}/agreements, or customerAgreement with this order) before ordering. Another partner's confirmation does not count.");
          }
          if (body.customerAgreement) {
            confirmation = await agreements.prepare(trx, principal, { ...body.customerAgreement, type: 'MicrosoftCustomerAgreement' }, { country: customer.country, fieldPrefix: 'customerAgreement' });
            if (!confirmation.ok) errors.push(...confirmation.errors);
          }
        } else {
          if (body.customerAgreement) {
            // SPEC §8: the US Government instance has no agreement step.
            throw fieldErrorsError([{ field: 'customerAgreement', code: 'agreement_not_applicable', message: 'There is no Customer Agreement to confirm in this cloud instance: leave customerAgreement out.' }]);
          }
          if (!(await hasEligibility(trx, customer.id, customer.scope))) {
            throw new DomainError('eligibility_not_recorded', 'The customer has no US Government eligibility validation recorded by your organisation: a customer there must be an eligible government entity (or hold regulated data) before ordering. Record it with POST /v1/customers/{id}/eligibility.');
          }
        }
        if (customer.instanceId === 'usgov') await assertSinglePartner(trx, principal, customer);
        // Partner Center's PartnerOnRecordAttestationAccepted: a partner of record is named only with it.
        if (body.partnerOnRecordAttestationAccepted === false && body.lineItems.some((item) => item.partnerIdOnRecord?.trim())) {
          errors.push({ field: 'partnerOnRecordAttestationAccepted', code: 'attestation_required', message: 'Accept the partner-of-record attestation (true) to name a partnerIdOnRecord, or leave partnerIdOnRecord out.' });
        }
        const lineItems = await withResellerOfRecord(trx, principal, customer, body.lineItems, errors);
        const prepared = await prepare(trx, customer, { ...body, lineItems });
        if (!prepared.ok) errors.push(...prepared.errors);
        if (!prepared.ok || errors.length > 0) throw fieldErrorsError(errors);
        // Partner Center's order has one billing cycle for all its lines.
        if (prepared.value.orders.length > 1) {
          const cycles = prepared.value.orders.map((order) => order.billingCycle).join(' and ');
          throw fieldErrorsError([{ field: 'billingCycle', code: 'billing_cycle_required', message: `These offers are usually billed ${cycles}: choose the one billingCycle of this order, or place one order per billing cycle.` }]);
        }
        const audits = auditBatch(ids, principal);
        if (confirmation?.ok) await agreements.record(trx, principal, customer.id, confirmation.value, audits.audit);
        const [order] = await place(trx, principal, customer, prepared.value, audits.audit);
        await audits.write(trx);
        return { status: 201, body: order! };
      });
    },

    async list(principal: Principal, customerId: string) {
      const { scope } = await viewableCustomer(principal, customerId);
      return (await repo.listOrders(db, customerId, scope)).map(toOrder);
    },

    async get(principal: Principal, customerId: string, orderId: string) {
      return toOrder(await viewableOrder(principal, customerId, orderId));
    },

    /** GET .../orders/{id}/provisioningstatus: each line's provisioning, which follows the order's status here. */
    async provisioningStatus(principal: Principal, customerId: string, orderId: string) {
      return provisioningStatusOf(await viewableOrder(principal, customerId, orderId));
    },

    /** GET .../subscriptions, all of them or those of an order (`order_id`) or of a partner on record (`mpn_id`). */
    async listSubscriptions(principal: Principal, customerId: string, query: SubscriptionListQuery = {}) {
      const { scope } = await viewableCustomer(principal, customerId);
      const rows = await repo.listSubscriptions(db, customerId, scope, { orderId: query.order_id, partnerIdOnRecord: query.mpn_id });
      const purchases = await repo.heldPurchases(db, rows.map((row) => row.id));
      const now = clock.now();
      return rows.map((row) => toSubscription(row, purchasesOf(purchases, row.id), now));
    },

    async getSubscription(principal: Principal, customerId: string, subscriptionId: string) {
      const { scope } = await viewableCustomer(principal, customerId);
      const [row] = await repo.listSubscriptions(db, customerId, scope, { subscriptionId });
      if (!row) throw new DomainError('not_found', `There is no subscription ${subscriptionId} for this customer.`);
      return toSubscription(row, purchasesOf(await repo.heldPurchases(db, [row.id]), row.id), clock.now());
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;

/**
 * In the US Government instance, the eligibility validation takes the agreement's place (SPEC §8): one
 * recorded by the seller, or, for an indirect reseller, by its provider (as GET .../eligibility reads them).
 */
async function hasEligibility(db: Executor, customerId: string, scope: repo.SalesScope): Promise<boolean> {
  const row = await db
    .selectFrom('customer_eligibility_validations')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('partner_id', 'in', scope.providerId ? [scope.partnerId, scope.providerId] : [scope.partnerId])
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Only a Microsoft Customer Agreement confirmation lets a customer order (SPEC §2), and only the
 * ordering partner's own (multi-partner: each partner records its own confirmation of the customer's
 * acceptance). An indirect reseller cannot confirm agreements: its provider's confirmation serves it.
 */
export async function hasCustomerAgreement(db: Executor, customerId: string, scope: repo.SalesScope): Promise<boolean> {
  const row = await db
    .selectFrom('agreement_confirmations')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('partner_id', 'in', scope.providerId ? [scope.partnerId, scope.providerId] : [scope.partnerId])
    .where('agreement_type', '=', 'MicrosoftCustomerAgreement')
    .executeTakeFirst();
  return row !== undefined;
}
