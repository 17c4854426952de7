import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { normalizeCountry } from '#domain/countries/country-rules.ts';
import type { OnboardingRequest } from '#contracts/onboarding.ts';
import type { OnboardingResponse } from '#contracts/onboarding-responses.ts';
import type { Db, Executor } from '#db/database.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { auditBatch } from '#server/modules/audit/repository.ts';
import type { AgreementsService } from '#server/modules/agreements/service.ts';
import type { CustomersService } from '#server/modules/customers/service.ts';
import type { DraftsService } from '#server/modules/drafts/service.ts';
import type { OrdersService } from '#server/modules/orders/service.ts';

export interface OnboardingDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  idempotency: Idempotency;
  customers: CustomersService;
  agreements: AgreementsService;
  orders: OrdersService;
  drafts: Pick<DraftsService, 'requestIdOf' | 'keepRequestId' | 'completed'>;
}

/**
 * POST /v1/onboardings: the add-customer wizard in one call. In one transaction it creates the
 * customer, its relationship (and reseller association), the agreement confirmation (public instance)
 * or the eligibility validation (usgov), the order and its subscriptions, the audit records, and
 * deletes the draft it completes. Either all of it exists afterwards or none of it.
 */
export function createOnboardingService({ db, ids, clock, idempotency, customers, agreements, orders, drafts }: OnboardingDeps) {
  /** Every check of a submission, reads only: one list of every wrong field. */
  async function check(executor: Executor, principal: Principal, body: OnboardingRequest) {
    const { partner } = principal.user;
    const country = normalizeCountry(body.billingProfile.defaultAddress.country ?? '');

    const customer = await customers.prepareNew(executor, principal, body);
    const errors: FieldError[] = customer.ok ? [] : [...customer.errors];

    let agreement: Awaited<ReturnType<AgreementsService['prepare']>> | undefined;
    // The instance's setting comes with the caller (read with the token or session, this request).
    if (partner.agreementRequired) {
      if (!body.agreement) {
        errors.push({ field: 'agreement', code: 'agreement_required', message: 'Confirm that the customer has accepted the Microsoft Customer Agreement, with the date and the signer.' });
      } else {
        agreement = await agreements.prepare(executor, principal, { ...body.agreement, type: 'MicrosoftCustomerAgreement' }, { country, fieldPrefix: 'agreement' });
        if (!agreement.ok) errors.push(...agreement.errors);
      }
    }
    // Where no agreement is taken (usgov), the customers service requires and records the eligibility.

    let order: Awaited<ReturnType<OrdersService['prepare']>> | undefined;
    if (body.lineItems.length > 0 && country) {
      order = await orders.prepare(executor, { id: null, country, instanceId: partner.instanceId, indirectResellerId: null }, body);
      if (!order.ok) errors.push(...order.errors);
    }
    return { customer, agreement, order, errors, warnings: customer.ok ? customer.value.warnings : [] };
  }

  async function submitInTransaction(trx: Executor, principal: Principal, body: OnboardingRequest): Promise<OnboardingResponse> {
    const { partner } = principal.user;
    const { customer, agreement, order, errors } = await check(trx, principal, body);
    if (errors.length > 0 || !customer.ok) throw fieldErrorsError(errors);

    // The audit records of every part go in together, in one statement at the end.
    const audits = auditBatch(ids, principal);
    const created = await customers.insertNew(trx, principal, customer.value, audits.audit);
    const customerId = created.customer.id;
    const confirmation = agreement?.ok ? await agreements.record(trx, principal, customerId, agreement.value, audits.audit) : null;
    const placed = order?.ok
      ? await orders.place(trx, principal, { id: customerId, country: created.customer.billingProfile.defaultAddress.country, instanceId: partner.instanceId, indirectResellerId: customer.value.reseller?.id ?? null }, order.value, audits.audit)
      : [];
    if (body.draftId) await drafts.completed(trx, principal, body.draftId);
    await audits.audit({ operationType: 'onboard_customer', resourceType: 'customer', resourceId: customerId, customerId, newValue: { orderId: placed[0]?.id ?? null, agreementId: confirmation?.id ?? null } }, clock.now());
    await audits.write(trx);
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
        const draft = await drafts.requestIdOf(db, principal, body.draftId);
        if (draft && key && draft.requestId !== key.requestId) {
          await drafts.keepRequestId(db, principal, body.draftId, key.requestId);
        } else if (draft?.requestId && !key) {
          effectiveKey = { partnerId: principal.user.partner.id, method: 'POST', route: '/v1/onboardings', requestId: draft.requestId };
        } else if (!draft && !key) {
          throw new DomainError('not_found', `There is no draft ${body.draftId}: it was submitted, or deleted.`);
        }
      }
      return idempotency.run(effectiveKey, body, async (trx) => ({ status: 201, body: await submitInTransaction(trx, principal, body) }));
    },
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
