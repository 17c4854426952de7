import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { checkAgreementConfirmation, type Signer } from '#domain/onboarding.ts';
import { assertCan } from '#domain/roles.ts';
import type { ConfirmAgreementRequest } from '#contracts/agreements.ts';
import type { Db, Executor } from '#db/database.ts';
import type { AgreementType } from '#db/schema.ts';
import type { Clock, IdGenerator } from '#server/lib/adapters.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import { isUniqueViolation } from '#server/lib/pg-errors.ts';
import type { Principal } from '#server/lib/principal.ts';
import { auditNow, type Audit } from '#server/modules/audit/repository.ts';
import { findVisibleCustomer } from '#server/modules/customers/repository.ts';

type TemplateRow = { id: string; agreement_type: AgreementType; agreement_link: string; version_rank: number };

export interface PreparedConfirmation { template: TemplateRow; dateAgreed: Date; signer: Signer }

function selectTemplates(db: Executor, instance: 'public' | 'usgov') {
  return db.selectFrom('agreement_templates').select(['id', 'agreement_type', 'agreement_link', 'version_rank']).where('instance_id', '=', instance);
}

function toMetadata(row: TemplateRow) {
  return { templateId: row.id, agreementType: row.agreement_type, agreementLink: row.agreement_link, versionRank: row.version_rank, attributes: { objectType: 'AgreementMetaData' as const } };
}

export function createAgreementsService({ db, ids, clock, idempotency }: { db: Db; ids: IdGenerator; clock: Clock; idempotency: Idempotency }) {
  const selectConfirmations = (executor: Executor) =>
    executor
      .selectFrom('agreement_confirmations as a')
      .innerJoin('agreement_templates as t', 't.id', 'a.template_id')
      .selectAll('a')
      .select('t.agreement_link');

  type ConfirmationRow = Awaited<ReturnType<ReturnType<typeof selectConfirmations>['executeTakeFirstOrThrow']>>;

  const toAgreement = (row: ConfirmationRow) => ({
    id: row.id,
    primaryContact: { firstName: row.signer_first_name, lastName: row.signer_last_name, email: row.signer_email, phoneNumber: row.signer_phone },
    templateId: row.template_id,
    dateAgreed: row.date_agreed.toISOString(),
    type: row.agreement_type,
    agreementLink: row.agreement_link,
    userId: row.confirmed_by_user_id,
    partnerId: row.partner_id,
    attributes: { objectType: 'Agreement' as const },
  });

  /** The template to confirm: the given one (of this instance, and of the given type), else the latest Customer Agreement. */
  async function resolveTemplate(executor: Executor, instance: 'public' | 'usgov', templateId: string | null | undefined, type: AgreementType | null | undefined, field: string): Promise<TemplateRow | FieldError> {
    if (templateId) {
      const row = await selectTemplates(executor, instance).where('id', '=', templateId).executeTakeFirst();
      if (!row) return { field, code: 'template_not_found', message: `There is no agreement template ${templateId}; GET /v1/agreements?agreementType=MicrosoftCustomerAgreement lists them.` };
      if (type && row.agreement_type !== type) return { field, code: 'template_type_mismatch', message: `Template ${templateId} is a ${row.agreement_type}, not a ${type}.` };
      return row;
    }
    const latest = await selectTemplates(executor, instance).where('agreement_type', '=', type ?? 'MicrosoftCustomerAgreement').orderBy('version_rank', 'desc').executeTakeFirst();
    return latest ?? { field, code: 'template_not_found', message: 'The operator has not set up a Microsoft Customer Agreement template for this cloud instance.' };
  }

  async function prepare(
    executor: Executor,
    principal: Principal,
    input: { templateId?: string | null | undefined; type?: AgreementType | null | undefined; dateAgreed: string; primaryContact: ConfirmAgreementRequest['primaryContact'] },
    options: { country?: string | undefined; fieldPrefix: string },
  ): Promise<{ ok: true; value: PreparedConfirmation } | { ok: false; errors: FieldError[] }> {
    const at = (name: string) => (options.fieldPrefix ? `${options.fieldPrefix}.${name}` : name);
    const checked = checkAgreementConfirmation(input, { now: clock.now(), country: options.country, fieldPrefix: options.fieldPrefix });
    const template = await resolveTemplate(executor, principal.user.partner.instanceId, input.templateId, input.type, at('templateId'));
    const errors = [...(checked.ok ? [] : checked.errors), ...('code' in template ? [template] : [])];
    if (!checked.ok || 'code' in template) return { ok: false, errors };
    return { ok: true, value: { template, ...checked.value } };
  }

  /** Writes the confirmation and its audit record (to `audit`: at once, or in the caller's batch). */
  async function record(trx: Executor, principal: Principal, customerId: string, prepared: PreparedConfirmation, audit: Audit = auditNow(trx, ids, principal)) {
    const row = {
      id: ids.uuid(),
      customer_id: customerId,
      template_id: prepared.template.id,
      agreement_type: prepared.template.agreement_type,
      signer_first_name: prepared.signer.firstName,
      signer_last_name: prepared.signer.lastName,
      signer_email: prepared.signer.email,
      signer_phone: prepared.signer.phoneNumber,
      date_agreed: prepared.dateAgreed,
      partner_id: principal.user.partner.id,
      confirmed_by_user_id: principal.user.id,
      created_at: clock.now(),
    };
    try {
      // A unique violation aborts the transaction; the idempotency savepoint lets the 409 still be stored.
      await trx.insertInto('agreement_confirmations').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('agreement_already_confirmed', 'Your organisation already recorded a confirmation of this agreement by this customer with the same signer. Change the signer to record a new confirmation.');
      }
      throw error;
    }
    // What selectConfirmations reads back, from what was just written and its template: no round trip.
    const agreement = toAgreement({ ...row, agreement_link: prepared.template.agreement_link });
    await audit({ operationType: 'create_customer_agreement', resourceType: 'agreement', resourceId: row.id, customerId, newValue: agreement }, row.created_at);
    return agreement;
  }

  return {
    prepare,
    record,

    /** The templates of a type, latest first; `*` (Partner Center's): the latest template of each type. */
    async listTemplates(principal: Principal, type: AgreementType | '*') {
      if (type === '*') {
        const rows = await selectTemplates(db, principal.user.partner.instanceId).orderBy('agreement_type').orderBy('version_rank', 'desc').execute();
        const latest = new Map<AgreementType, TemplateRow>();
        for (const row of rows) if (!latest.has(row.agreement_type)) latest.set(row.agreement_type, row);
        return [...latest.values()].map(toMetadata);
      }
      const rows = await selectTemplates(db, principal.user.partner.instanceId).where('agreement_type', '=', type).orderBy('version_rank', 'desc').execute();
      return rows.map(toMetadata);
    },

    async confirm(principal: Principal, customerId: string, body: ConfirmAgreementRequest, key?: IdempotencyKey) {
      const { partner } = principal.user;
      const customer = await findVisibleCustomer(db, partner.id, customerId);
      if (!customer) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      assertCan(partner.kind, principal.user.roles, 'agreements.confirm');
      return idempotency.run(key, body, async (trx) => {
        const prepared = await prepare(trx, principal, body, { country: customer.country, fieldPrefix: '' });
        if (!prepared.ok) throw fieldErrorsError(prepared.errors);
        return { status: 201, body: await record(trx, principal, customerId, prepared.value) };
      });
    },

    async list(principal: Principal, customerId: string, type?: AgreementType) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const customer = await findVisibleCustomer(db, principal.user.partner.id, customerId);
      if (!customer) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      // Multi-partner (issue 9): each partner sees only the confirmations it recorded; an indirect
      // reseller, which cannot confirm, also those of the provider it sells through (its orders rest on them).
      const recordedBy = customer.indirect_provider_id ? [principal.user.partner.id, customer.indirect_provider_id] : [principal.user.partner.id];
      let query = selectConfirmations(db).where('a.customer_id', '=', customerId).where('a.partner_id', 'in', recordedBy).orderBy('a.date_agreed', 'desc').orderBy('a.id');
      if (type) query = query.where('a.agreement_type', '=', type);
      // Not which of the provider's users confirmed it.
      return (await query.execute()).map((row) => {
        const agreement = toAgreement(row);
        return row.partner_id === principal.user.partner.id ? agreement : { ...agreement, userId: null };
      });
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;

