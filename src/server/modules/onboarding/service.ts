import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { normalizeCountry } from '#domain/countries/country-rules.ts';
import type { OnboardingRequest, Draft } from '#contracts/onboarding.ts';
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import type { Db, Executor } from '#db/database.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { recordAudit } from '#server/modules/audit/repository.ts';
import type { AgreementsService } from '#server/modules/agreements/service.ts';
import type { CustomersService } from '#server/modules/customers/service.ts';
import type { OrdersService } from '#server/modules/orders/service.ts';

export interface OnboardingDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  idempotency: Idempotency;
  customers: CustomersService;
  agreements: AgreementsService;
  orders: OrdersService;
}

type DraftRow = { id: string; step: string; data: unknown; request_id: string | null; version: number; created_at: Date; updated_at: Date };

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    step: row.step as Draft['step'],
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
    requestId: row.request_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    attributes: { objectType: 'OnboardingDraft' },
  };
}

/**
 * POST /v1/onboardings: the add-customer wizard in one call. In one transaction it creates the
 * customer, its relationship (and reseller association), the agreement confirmation (public instance)
 * or the eligibility validation (usgov), the order and its subscriptions, the audit records, and
 * deletes the draft it completes. Either all of it exists afterwards or none of it.
 */
export function createOnboardingService({ db, ids, clock, idempotency, customers, agreements, orders }: OnboardingDeps) {
  async function findDraft(executor: Executor, principal: Principal, id: string) {
    const row = await executor
      .selectFrom('onboarding_drafts')
      .select(['id', 'step', 'data', 'request_id', 'version', 'created_at', 'updated_at'])
      .where('id', '=', id)
      .where('user_id', '=', principal.user.id)
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', `There is no draft ${id}.`);
    return row;
  }

  /** Every check of a submission, reads only: one list of every wrong field. */
  async function check(executor: Executor, principal: Principal, body: OnboardingRequest) {
    const { partner } = principal.user;
    const instance = await executor.selectFrom('cloud_instances').select(['agreement_required']).where('id', '=', partner.instanceId).executeTakeFirstOrThrow();
    const country = normalizeCountry(body.billingProfile.defaultAddress.country ?? '');

    const customer = await customers.prepareNew(executor, principal, body);
    const errors: FieldError[] = customer.ok ? [] : [...customer.errors];

    let agreement: Awaited<ReturnType<AgreementsService['prepare']>> | undefined;
    if (instance.agreement_required) {
      if (!body.agreement) {
        errors.push({ field: 'agreement', code: 'agreement_required', message: 'Confirm that the customer has accepted the Microsoft Customer Agreement, with the date and the signer.' });
      } else {
        agreement = await agreements.prepare(executor, principal, { ...body.agreement, type: 'MicrosoftCustomerAgreement' }, { country, fieldPrefix: 'agreement' });
        if (!agreement.ok) errors.push(...agreement.errors);
      }
    } else if (!body.eligibility) {
      errors.push({ field: 'eligibility', code: 'eligibility_required', message: 'Record how the customer is eligible for the US Government cloud (a government entity, or regulated data).' });
    }

    let order: Awaited<ReturnType<OrdersService['prepare']>> | undefined;
    if (body.lineItems.length > 0 && country) {
      order = await orders.prepare(executor, { id: null, country, instanceId: partner.instanceId, indirectResellerId: null }, body);
      if (!order.ok) errors.push(...order.errors);
    }
    return { instance, customer, agreement, order, errors, warnings: customer.ok ? customer.value.warnings : [] };
  }

  async function submitInTransaction(trx: Executor, principal: Principal, body: OnboardingRequest): Promise<OnboardingResponse> {
    const { partner } = principal.user;
    const { instance, customer, agreement, order, errors } = await check(trx, principal, body);
    if (errors.length > 0 || !customer.ok) throw fieldErrorsError(errors);

    const created = await customers.insertNew(trx, principal, customer.value);
    const customerId = created.customer.id;
    const confirmation = agreement?.ok ? await agreements.record(trx, principal, customerId, agreement.value) : null;
    if (!instance.agreement_required && body.eligibility) {
      await trx
        .insertInto('customer_eligibility_validations')
        .values({ id: ids.uuid(), customer_id: customerId, partner_id: partner.id, validation_type: body.eligibility.validationType, details: body.eligibility.details.trim(), validated_by_user_id: principal.user.id })
        .execute();
    }
    const placed = order?.ok
      ? await orders.place(trx, principal, { id: customerId, country: created.customer.billingProfile.defaultAddress.country, instanceId: partner.instanceId, indirectResellerId: customer.value.reseller?.id ?? null }, order.value)
      : [];
    if (body.draftId) await trx.deleteFrom('onboarding_drafts').where('id', '=', body.draftId).where('user_id', '=', principal.user.id).execute();
    await recordAudit(trx, ids, principal, { operationType: 'OnboardCustomer', resourceType: 'Customer', resourceId: customerId, customerId, newValue: { orderId: placed[0]?.id ?? null, agreementId: confirmation?.id ?? null } }, clock.now());
    return {
      customer: created.customer,
      agreement: confirmation,
      order: placed[0] ?? null,
      orders: placed,
      userCredentials: created.userCredentials,
      warnings: customer.value.warnings,
      attributes: { objectType: 'Onboarding' },
    };
  }

  return {
    /** POST /v1/onboardings/validations: the submission's checks without writing anything. */
    async validate(principal: Principal, body: OnboardingRequest) {
      const { errors, warnings } = await check(db, principal, body);
      return { valid: errors.length === 0, errors, warnings };
    },

    async submit(principal: Principal, body: OnboardingRequest, key?: IdempotencyKey) {
      customers.assertMayAdd(principal);
      let effectiveKey = key;
      if (body.draftId) {
        // The draft keeps the MS-RequestId of its latest submission: a resubmission without one (the
        // answer was lost with the client's state) still finds the first answer.
        const draft = await db.selectFrom('onboarding_drafts').select(['request_id']).where('id', '=', body.draftId).where('user_id', '=', principal.user.id).executeTakeFirst();
        if (draft && key && draft.request_id !== key.requestId) {
          await db.updateTable('onboarding_drafts').set({ request_id: key.requestId }).where('id', '=', body.draftId).execute();
        } else if (draft?.request_id && !key) {
          effectiveKey = { partnerId: principal.user.partner.id, method: 'POST', route: '/v1/onboardings', requestId: draft.request_id };
        } else if (!draft && !key) {
          throw new DomainError('not_found', `There is no draft ${body.draftId}: it was submitted, or deleted.`);
        }
      }
      return idempotency.run(effectiveKey, body, async (trx) => ({ status: 201, body: await submitInTransaction(trx, principal, body) }));
    },

    async createDraft(principal: Principal, input: { step: string; data: Record<string, unknown>; requestId?: string | null | undefined }) {
      const now = clock.now();
      const row = await db
        .insertInto('onboarding_drafts')
        .values({ id: ids.uuid(), user_id: principal.user.id, partner_id: principal.user.partner.id, step: input.step, data: JSON.stringify(input.data), request_id: input.requestId ?? null, created_at: now, updated_at: now })
        .returning(['id', 'step', 'data', 'request_id', 'version', 'created_at', 'updated_at'])
        .executeTakeFirstOrThrow();
      return toDraft(row);
    },

    async updateDraft(principal: Principal, id: string, input: { step: string; data: Record<string, unknown>; requestId?: string | null | undefined }, expectedVersion?: number) {
      const current = await findDraft(db, principal, id);
      let query = db
        .updateTable('onboarding_drafts')
        .set((eb) => ({
          step: input.step,
          data: JSON.stringify(input.data),
          // The request id, once set, stays: it names the submission a retry must find.
          request_id: eb.fn.coalesce('request_id', eb.val(input.requestId ?? null)),
          version: eb('version', '+', 1),
          updated_at: clock.now(),
        }))
        .where('id', '=', id)
        .where('user_id', '=', principal.user.id);
      // The version check is in the UPDATE itself, so of two concurrent writers only one wins.
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const row = await query.returning(['id', 'step', 'data', 'request_id', 'version', 'created_at', 'updated_at']).executeTakeFirst();
      if (!row) {
        throw new DomainError('precondition_failed', `The draft changed since version ${expectedVersion} (it is at ${current.version} or later); reload it.`);
      }
      return toDraft(row);
    },

    async getDraft(principal: Principal, id: string) {
      return toDraft(await findDraft(db, principal, id));
    },

    async listDrafts(principal: Principal) {
      const rows = await db
        .selectFrom('onboarding_drafts')
        .select(['id', 'step', 'data', 'request_id', 'version', 'created_at', 'updated_at'])
        .where('user_id', '=', principal.user.id)
        .orderBy('updated_at', 'desc')
        .limit(100)
        .execute();
      return rows.map(toDraft);
    },

    async deleteDraft(principal: Principal, id: string) {
      const result = await db.deleteFrom('onboarding_drafts').where('id', '=', id).where('user_id', '=', principal.user.id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw new DomainError('not_found', `There is no draft ${id}.`);
    },
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
