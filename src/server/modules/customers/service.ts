import { normalizeCountry } from '#domain/countries/country-rules.ts';
import { DomainError, fieldErrorsError, type FieldError } from '#domain/errors.ts';
import { checkBillingProfile, checkCustomerDetails, resolveDomain, type BillingProfileDetails, type CustomerDetails, type CustomerDetailsInput } from '#domain/onboarding.ts';
import { plainTextErrors, type RuleResult } from '#domain/customer-rules.ts';
import { unstorableText } from '#domain/text.ts';
import { assertAllowed, assertCan, can } from '#domain/roles.ts';
import {
  customerFilterSchema,
  customerSorts,
  type Customer,
  type CustomerBillingProfile,
  type CustomerCompanyProfile,
  type CustomerCriteriaQuery,
  type EligibilityValidation,
  type SetIndirectResellerRequest,
  type UpdateBillingProfileRequest,
} from '#contracts/customers.ts';
import type { PartnerRelationship } from '#contracts/partners.ts';
import type { CreateCustomerRequest } from '#contracts/onboarding.ts';
import type { Db, Executor } from '#db/database.ts';
import { sha256, temporaryPassword, type Clock, type IdGenerator } from '#server/lib/adapters.ts';
import type { Idempotency, IdempotencyKey } from '#server/lib/idempotency.ts';
import type { Principal } from '#server/lib/principal.ts';
import { auditNow, recordAudit, recordAuditAs, type Audit } from '#server/modules/audit/repository.ts';
import { csvRow } from '#server/lib/csv.ts';
import { link } from '#server/lib/links.ts';
import * as repo from './repository.ts';
import { continuationError } from '#server/lib/continuation.ts';
import { toPartnerRelationship } from '#server/modules/partners/service.ts';

export interface CustomersDeps {
  db: Db;
  ids: IdGenerator;
  clock: Clock;
  idempotency: Idempotency;
  reservedEmailDomains: readonly string[];
}

/** A new customer, checked and ready to be written. */
export interface PreparedCustomer {
  details: CustomerDetails;
  reseller: { id: string; name: string; mpnId: string } | null;
  /** A US Government customer's eligibility (SPEC §8), recorded with it; null in the public instance. */
  eligibility: EligibilityInput | null;
  /** Partner Center's `enableGDAPByDefault`; left out, true (as Partner Center grants it since November 2023). */
  delegatedAccess: boolean;
  warnings: FieldError[];
}

export type EligibilityInput = NonNullable<CreateCustomerRequest['eligibility']>;

export interface CreatedCustomer {
  customer: Customer;
  userCredentials: { userName: 'admin'; userPrincipalName: string; password: string };
}

/** The billing profile's columns from checked details, as created and as edited (the country is fixed once created). */
function billingProfileColumns(details: BillingProfileDetails) {
  return {
    email: details.email,
    culture: details.culture,
    language: details.language,
    billing_company_name: details.companyName,
    first_name: details.firstName,
    last_name: details.lastName,
    address_line1: details.address.addressLine1,
    address_line2: details.address.addressLine2,
    address_line3: details.address.addressLine3,
    city: details.address.city,
    state: details.address.state,
    postal_code: details.address.postalCode,
    phone_number: details.phoneNumber,
  };
}

export function createCustomersService({ db, ids, clock, idempotency, reservedEmailDomains }: CustomersDeps) {
  const selfUri = (id: string) => `/v1/customers/${id}`;

  /** Partner Center's Address from the billing profile's columns. */
  function defaultAddressOf(row: repo.CustomerRow): CustomerBillingProfile['defaultAddress'] {
    return {
      country: row.country,
      city: row.city,
      state: row.state,
      addressLine1: row.address_line1,
      addressLine2: row.address_line2,
      addressLine3: row.address_line3,
      postalCode: row.postal_code,
      firstName: row.first_name,
      lastName: row.last_name,
      phoneNumber: row.phone_number,
    };
  }

  /** The company's address and email are the billing profile's, as Partner Center answers them. */
  function toCompanyProfile(row: repo.CustomerRow): CustomerCompanyProfile {
    const { firstName: _firstName, lastName: _lastName, ...address } = defaultAddressOf(row);
    return {
      tenantId: row.id,
      domain: row.domain,
      companyName: row.company_name,
      // Partner Center's company address names the state as `region`.
      address: { ...address, region: row.state },
      email: row.email,
      organizationRegistrationNumber: row.organization_registration_number,
      links: { self: link(`${selfUri(row.id)}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    };
  }

  function toBillingProfile(row: repo.CustomerRow): CustomerBillingProfile {
    return {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      culture: row.culture,
      language: row.language,
      companyName: row.billing_company_name,
      defaultAddress: defaultAddressOf(row),
      links: { self: link(`${selfUri(row.id)}/profiles/billing`) },
      attributes: { etag: etagOf(row.version), objectType: 'CustomerBillingProfile' },
    };
  }

  function toCustomer(row: repo.CustomerRow): Customer {
    return {
      id: row.id,
      commerceId: row.commerce_id,
      companyProfile: toCompanyProfile(row),
      billingProfile: toBillingProfile(row),
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: row.delegated_access_by_default,
      customDomains: [row.domain],
      // Partner Center's associatedPartnerId is the reseller's tenant id, in requests and responses alike.
      associatedPartnerId: row.indirect_reseller_id ?? null,
      indirectReseller: row.indirect_reseller_id ? { id: row.indirect_reseller_id, name: row.indirect_reseller_name ?? '' } : null,
      indirectProvider: row.indirect_provider_id ? { id: row.indirect_provider_id, name: row.indirect_provider_name ?? '' } : null,
      createdAt: row.created_at.toISOString(),
      links: { self: link(selfUri(row.id)) },
      attributes: { objectType: 'Customer' },
    };
  }

  async function visibleOrNotFound(principal: Principal, customerId: string) {
    assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
    const row = await repo.findVisibleCustomer(db, principal.user.partner.id, customerId);
    // Another partner's customer is indistinguishable from one that does not exist.
    if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
    return row;
  }

  /**
   * Everything about a new customer that can be checked before writing: who may add it, where, the
   * rules of each field (SPEC §4), the reseller. Field errors are returned, not thrown, so that the
   * onboarding can report them with the agreement's and the order's in one answer.
   */
  async function prepareNew(
    executor: Executor,
    principal: Principal,
    input: CustomerDetailsInput & {
      associatedPartnerId?: string | null | undefined;
      eligibility?: EligibilityInput | null | undefined;
      enableGDAPByDefault?: boolean | null | undefined;
    },
  ): Promise<{ ok: true; value: PreparedCustomer } | { ok: false; errors: FieldError[] }> {
    const { partner } = principal.user;
    assertMayAdd(principal);
    const country = normalizeCountry(input.billingProfile.defaultAddress.country ?? '');
    if (country && !partner.markets.includes(country)) {
      throw new DomainError('partner_not_authorized_in_country', `Your organisation is not authorised to sell in ${country}. Choose one of: ${partner.markets.join(', ')}.`, [
        { field: 'billingProfile.defaultAddress.country', code: 'partner_not_authorized_in_country', message: `Choose one of your markets: ${partner.markets.join(', ')}.` },
      ]);
    }
    const checked = checkCustomerDetails(input, { domainSuffix: partner.domainSuffix, partnerEmailDomains: partner.emailDomains, reservedEmailDomains });
    const errors = checked.ok ? [] : [...checked.errors];
    if (checked.ok && (await repo.isDomainRegistered(executor, partner.instanceId, checked.value.domain))) {
      errors.push(domainTakenError(checked.value.domain));
    }
    const eligibility = await checkEligibility(executor, partner.instanceId, input.eligibility);
    if (!eligibility.ok) errors.push(...eligibility.errors);
    const reseller = await resolveReseller(executor, principal, input.associatedPartnerId);
    if (!checked.ok || !eligibility.ok || errors.length > 0) return { ok: false, errors };
    const delegatedAccess = input.enableGDAPByDefault ?? true;
    return { ok: true, value: { details: checked.value, reseller, eligibility: eligibility.value, delegatedAccess, warnings: checked.warnings } };
  }

  /**
   * SPEC §8: a US Government customer must be an eligible entity, recorded as a validation its partner
   * provides, whichever call adds it (POST /v1/customers as POST /v1/onboardings). The instance says so
   * by taking no agreement confirmation (its contract comes through the partner's agreement).
   */
  async function checkEligibility(executor: Executor, instanceId: Principal['user']['partner']['instanceId'], eligibility: EligibilityInput | null | undefined): Promise<RuleResult<EligibilityInput | null>> {
    const instance = await executor.selectFrom('cloud_instances').select('agreement_required').where('id', '=', instanceId).executeTakeFirstOrThrow();
    if (instance.agreement_required) return { ok: true, value: null };
    if (!eligibility) {
      return { ok: false, errors: [{ field: 'eligibility', code: 'eligibility_required', message: 'Record how the customer is eligible for the US Government cloud (a government entity, or regulated data).' }] };
    }
    const textErrors = plainTextErrors([{ field: 'eligibility.details', label: 'the eligibility details', value: eligibility.details, kind: 'multiline' }]);
    if (textErrors.length > 0) return { ok: false, errors: textErrors };
    return { ok: true, value: { validationType: eligibility.validationType, details: eligibility.details.trim() } };
  }

  /**
   * Who may add customers (SPEC §1, §8). Checked before an idempotent replay too, so that a stored
   * answer (with its admin password) never reaches a caller who could not have made the request.
   */
  function assertMayAdd(principal: Principal) {
    assertAllowed(principal.user.partner, principal.user.roles, 'customers.add');
  }

  /**
   * The reseller an indirect provider associates with the customer (SPEC §4 Reseller), named by its
   * tenant id as Partner Center documents associatedPartnerId; `field` is where the request holds it.
   */
  async function resolveReseller(executor: Executor, principal: Principal, ref: string | null | undefined, field = 'associatedPartnerId') {
    const value = ref?.trim().toLowerCase();
    if (!value) return null;
    const { partner } = principal.user;
    if (!GUID.test(value)) {
      const message = `${field} must be the indirect reseller's tenant id (a GUID such as 484e548c-f5f3-4528-93a9-c16c6373cb59), not ${JSON.stringify(ref)}: its Partner ID (MPN ID) is not accepted.`;
      throw new DomainError('invalid_input', message, [{ field, code: 'invalid_tenant_id', message }]);
    }
    if (partner.kind !== 'indirect_provider') {
      throw new DomainError('reseller_invalid', 'Only an indirect provider can associate an indirect reseller with a customer.', [
        { field, code: 'reseller_invalid', message: 'Leave the indirect reseller empty: your organisation sells directly.' },
      ]);
    }
    const instance = await executor.selectFrom('cloud_instances').select('indirect_model_enabled').where('id', '=', partner.instanceId).executeTakeFirstOrThrow();
    if (!instance.indirect_model_enabled) throw new DomainError('feature_unavailable', 'The indirect model is not available in this cloud instance.');
    const reseller = await repo.findResellerOf(executor, partner.id, partner.instanceId, value);
    if (!reseller || reseller.kind !== 'indirect_reseller' || reseller.state === null) {
      throw new DomainError('reseller_not_found', `There is no indirect reseller ${value} in partnership with your organisation.`, [
        { field, code: 'reseller_not_found', message: 'Choose one of your indirect resellers.' },
      ]);
    }
    if (reseller.state !== 'active') {
      throw new DomainError('reseller_invalid', `${reseller.name} is not an active indirect reseller of your organisation (its partnership is ${reseller.state}).`, [
        { field, code: 'reseller_invalid', message: 'Choose an indirect reseller whose partnership is active.' },
      ]);
    }
    return { id: reseller.id, name: reseller.name, mpnId: reseller.mpn_id };
  }

  /**
   * Writes the customer, its domain (for ever), its relationships and the audit record (to `audit`: at
   * once, or in the caller's batch).
   */
  async function insertNew(trx: Executor, principal: Principal, prepared: PreparedCustomer, audit: Audit = auditNow(trx, ids, principal)): Promise<CreatedCustomer> {
    const { partner } = principal.user;
    const { details, reseller } = prepared;
    const now = clock.now();
    const id = ids.uuid();
    if (!(await repo.registerDomain(trx, partner.instanceId, details.domain, id, now))) {
      throw new DomainError('domain_taken', `The domain ${details.domain} is taken.`, [domainTakenError(details.domain)]);
    }
    const password = temporaryPassword();
    const row = {
      id,
      commerce_id: ids.uuid(),
      company_name: details.companyName,
      domain: details.domain,
      organization_registration_number: details.organizationRegistrationNumber,
      ...billingProfileColumns(details),
      country: details.address.country,
      delegated_access_by_default: prepared.delegatedAccess,
      created_at: now,
    };
    await repo.insertCustomer(trx, {
      ...row,
      instance_id: partner.instanceId,
      // A generated secret: SHA-256 is enough (scrypt is for passwords people choose).
      admin_password_hash: `sha256$${sha256(password)}`,
      admin_password_set_at: now,
      created_by_partner_id: partner.id,
      updated_at: now,
    });
    await repo.insertRelationships(trx, [
      { customer_id: id, partner_id: partner.id, origin: 'created', indirect_reseller_id: reseller?.id ?? null, indirect_provider_id: null, created_at: now },
      // The reseller sees the customer it was associated with; it is no relationship of its own (migration 0008).
      ...(reseller ? [{ customer_id: id, partner_id: reseller.id, origin: 'associated' as const, indirect_reseller_id: null, indirect_provider_id: partner.id, created_at: now }] : []),
    ]);
    if (prepared.eligibility) {
      await repo.insertEligibilityValidation(trx, { id: ids.uuid(), customer_id: id, partner_id: partner.id, validation_type: prepared.eligibility.validationType, details: prepared.eligibility.details, validated_by_user_id: principal.user.id });
    }
    // What findVisibleCustomer reads back for the creator, from what was just written: no round trip.
    const customer = toCustomer({
      ...row,
      origin: 'created',
      indirect_reseller_id: reseller?.id ?? null,
      indirect_reseller_name: reseller?.name ?? null,
      indirect_provider_id: null,
      indirect_provider_name: null,
      invitation_id: null,
      version: 1,
    });
    await audit({ operationType: 'add_customer', resourceType: 'customer', resourceId: id, customerId: id, newValue: customer }, now);
    return { customer, userCredentials: { userName: 'admin', userPrincipalName: `admin@${details.domain}`, password } };
  }

  return {
    toCustomer,
    assertMayAdd,
    prepareNew,
    insertNew,

    /** POST /v1/customers: the customer alone (Partner Center's call). */
    async create(principal: Principal, body: CreateCustomerRequest, key?: IdempotencyKey) {
      assertMayAdd(principal);
      return idempotency.run(key, body, async (trx) => {
        const prepared = await prepareNew(trx, principal, body);
        if (!prepared.ok) throw fieldErrorsError(prepared.errors);
        const created = await insertNew(trx, principal, prepared.value);
        return { status: 201, body: { ...created.customer, userCredentials: created.userCredentials } };
      });
    },

    /**
     * A new temporary password for the customer's admin, shown this once (SPEC §3: a partner that lost
     * the first one resets it). The customer keeps only its hash; the old one stops working.
     */
    async resetAdminPassword(principal: Principal, customerId: string, key?: IdempotencyKey) {
      const { partner } = principal.user;
      assertCan(partner.kind, principal.user.roles, 'customers.edit');
      const row = await repo.findVisibleCustomer(db, partner.id, customerId);
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      return idempotency.run(key, { customerId }, async (trx) => {
        const password = temporaryPassword();
        const now = clock.now();
        await setTenantAdminPassword(trx, customerId, `sha256$${sha256(password)}`, true, now);
        await recordAudit(trx, ids, principal, { operationType: 'reset_customer_admin_password', resourceType: 'customer', resourceId: customerId, customerId, newValue: { adminPasswordSetAt: now.toISOString() } }, now);
        return { status: 201, body: { userName: 'admin' as const, userPrincipalName: `admin@${row.domain}`, password } };
      });
    },

    /** GET /v1/customers/{id}/profiles/company: read-only here (the domain is for ever; the name is the billing profile's to change). */
    async companyProfile(principal: Principal, customerId: string): Promise<CustomerCompanyProfile> {
      return toCompanyProfile(await visibleOrNotFound(principal, customerId));
    },

    /** GET /v1/customers/{id}/profiles/billing, with the etag a PUT sends back. */
    async billingProfile(principal: Principal, customerId: string): Promise<CustomerBillingProfile> {
      return toBillingProfile(await visibleOrNotFound(principal, customerId));
    },

    /**
     * PUT /v1/customers/{id}/profiles/billing (Partner Center's "Update a customer's billing profile"):
     * the full resource with its etag (If-Match, as Partner Center documents it, or the body's
     * attributes.etag as its SDK sends the resource back). The wizard's rules, by the same functions;
     * the country cannot change. The write is a compare-and-set on the version: a stale etag, also one
     * that lost a race, is a 412 and changes nothing.
     */
    async updateBillingProfile(principal: Principal, customerId: string, body: UpdateBillingProfileRequest, ifMatch: string | undefined, key?: IdempotencyKey) {
      const { partner } = principal.user;
      assertCan(partner.kind, principal.user.roles, 'customers.edit');
      await visibleOrNotFound(principal, customerId);
      const etag = ifMatch ?? body.attributes?.etag ?? undefined;
      if (etag === undefined || etag.trim() === '') {
        const message = 'Send the billing profile\'s etag (attributes.etag of GET .../profiles/billing) in If-Match or in attributes.etag.';
        throw new DomainError('invalid_input', message, [{ field: 'If-Match', code: 'etag_required', message }]);
      }
      const expected = versionOfEtag(etag);
      return idempotency.run(key, { body, etag }, async (trx) => {
        const current = await repo.findVisibleCustomer(trx, partner.id, customerId);
        if (!current) throw new DomainError('not_found', `There is no customer ${customerId}.`);
        const stale = () => new DomainError('precondition_failed', `The billing profile changed since etag ${etag} was read (it is at ${etagOf(current.version)}). Read it again and redo the change.`);
        if (expected !== current.version) throw stale();
        const address = body.defaultAddress;
        const country = normalizeCountry(address.country);
        if (country !== current.country) {
          const message = `The country of a customer cannot change (it is ${current.country}).`;
          throw new DomainError('invalid_input', message, [{ field: 'defaultAddress.country', code: 'country_read_only', message }]);
        }
        const checked = checkBillingProfile(
          { ...body, firstName: body.firstName ?? address.firstName ?? '', lastName: body.lastName ?? address.lastName ?? '', defaultAddress: address },
          { partnerEmailDomains: partner.emailDomains, reservedEmailDomains },
        );
        if (!checked.ok) throw fieldErrorsError(checked.errors);
        const details = checked.value;
        const now = clock.now();
        // Compare-and-set: a writer that committed since the read above makes this match nothing.
        const updated = await repo.updateBillingProfile(trx, customerId, expected, {
          ...billingProfileColumns(details),
          updated_at: now,
        });
        if (!updated) throw stale();
        const row = (await repo.findVisibleCustomer(trx, partner.id, customerId))!;
        const profile = toBillingProfile(row);
        await recordAudit(trx, ids, principal, { operationType: 'update_customer_billing_profile', resourceType: 'customer_billing_profile', resourceId: customerId, customerId, newValue: profile }, now);
        return { status: 200, body: profile };
      });
    },

    /** HEAD /v1/domains/{domain}: taken in the caller's instance, for ever. */
    async domainStatus(principal: Principal, domain: string) {
      const parsed = resolveDomain(domain, principal.user.partner.domainSuffix, 'domain');
      if (!parsed.ok) throw fieldErrorsError(parsed.errors);
      const holder = await repo.domainHolder(db, principal.user.partner.instanceId, parsed.value, principal.user.partner.id);
      // The partner's own customer is named to whoever may see customers; anyone else's stays anonymous.
      const own = holder?.customer_id && can(principal.user.partner.kind, principal.user.roles, 'customers.view') ? { id: holder.customer_id, companyName: holder.company_name ?? '' } : null;
      return { domain: parsed.value, taken: holder !== undefined, yourCustomer: own };
    },

    async get(principal: Principal, customerId: string): Promise<Customer> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const row = await repo.findVisibleCustomer(db, principal.user.partner.id, customerId);
      // Another partner's customer is indistinguishable from one that does not exist.
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      return toCustomer(row);
    },

    /**
     * GET /v1/customers/{id}/relationships (Partner Center's "Get a customer's indirect resellers"): for
     * a provider, the reseller it sells through to this customer (`is_indirect_cloud_solution_provider_of`);
     * for a reseller, the provider it sells through (`is_indirect_reseller_of`). An inactive partnership
     * is listed with its state. A customer the caller has no relationship with is a 404.
     */
    async relationships(principal: Principal, customerId: string): Promise<PartnerRelationship[]> {
      const { partner } = principal.user;
      assertCan(partner.kind, principal.user.roles, 'customers.view');
      const row = await repo.findVisibleCustomer(db, partner.id, customerId);
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      const rows = await repo.listCustomerPartnerRelationships(db, partner.id, customerId);
      return rows.map((other) => toPartnerRelationship(other, other.kind === 'indirect_reseller' ? 'is_indirect_cloud_solution_provider_of' : 'is_indirect_reseller_of'));
    },

    /**
     * PUT /v1/customers/{id}/indirectreseller (ours): an indirect provider assigns, changes or clears
     * (null) the reseller of one of its customers; only a reseller in an active partnership. The old
     * reseller's association ends (a relationship of its own stays), the new one sees the customer, and
     * the audit record (old and new) is written in the same transaction.
     */
    async setIndirectReseller(principal: Principal, customerId: string, body: SetIndirectResellerRequest, key?: IdempotencyKey) {
      const { partner } = principal.user;
      assertAllowed(partner, principal.user.roles, 'customers.assign_reseller');
      const visible = await repo.findVisibleCustomer(db, partner.id, customerId);
      if (!visible) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      return idempotency.run(key, body, async (trx) => {
        const current = await repo.lockRelationship(trx, partner.id, customerId);
        if (!current) throw new DomainError('not_found', `There is no customer ${customerId}.`);
        const reseller = body.indirectResellerId === null ? null : await resolveReseller(trx, principal, body.indirectResellerId, 'indirectResellerId');
        const before = current.indirect_reseller_id;
        const after = reseller?.id ?? null;
        if (before !== after) {
          const now = clock.now();
          await repo.setRelationshipReseller(trx, partner.id, customerId, after);
          if (before) await repo.dissociateReseller(trx, { customerId, resellerId: before, providerId: partner.id, now });
          if (after) await repo.associateReseller(trx, { customerId, resellerId: after, providerId: partner.id, now });
          await recordAudit(trx, ids, principal, {
            operationType: 'update_customer_indirect_reseller',
            resourceType: 'customer',
            resourceId: customerId,
            customerId,
            newValue: { oldIndirectResellerId: before, oldIndirectResellerName: visible.indirect_reseller_name, indirectResellerId: after, indirectResellerName: reseller?.name ?? null },
          }, now);
        }
        const updated = await repo.findVisibleCustomer(trx, partner.id, customerId);
        return { status: 200, body: toCustomer(updated!) };
      });
    },

    /**
     * GET /v1/customers/{id}/eligibility (ours): how a US Government customer is eligible, as recorded
     * by the caller's organisation (or, for an indirect reseller, by its provider for this customer).
     */
    async eligibility(principal: Principal, customerId: string): Promise<EligibilityValidation[]> {
      const { partner } = principal.user;
      assertCan(partner.kind, principal.user.roles, 'customers.view');
      const row = await repo.findVisibleCustomer(db, partner.id, customerId);
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      const recordedBy = row.indirect_provider_id ? [partner.id, row.indirect_provider_id] : [partner.id];
      const rows = await repo.listEligibilityValidations(db, customerId, recordedBy);
      return rows.map(toEligibility);
    },

    /**
     * POST /v1/customers/{id}/eligibility (ours): records how a US Government customer is eligible, for
     * one added before eligibility was required of every call (orders need it). Who may add customers may.
     */
    async recordEligibility(principal: Principal, customerId: string, body: EligibilityInput, key?: IdempotencyKey) {
      const { partner } = principal.user;
      assertMayAdd(principal);
      const row = await repo.findVisibleCustomer(db, partner.id, customerId);
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      return idempotency.run(key, body, async (trx) => {
        const eligibility = await checkEligibility(trx, partner.instanceId, body);
        if (!eligibility.ok) throw fieldErrorsError(eligibility.errors);
        if (!eligibility.value) throw new DomainError('feature_unavailable', 'Eligibility validations are recorded for US Government customers only; this instance takes the customer agreement instead.');
        const id = ids.uuid();
        await repo.insertEligibilityValidation(trx, { id, customer_id: customerId, partner_id: partner.id, validation_type: eligibility.value.validationType, details: eligibility.value.details, validated_by_user_id: principal.user.id });
        const recorded = (await repo.listEligibilityValidations(trx, customerId, [partner.id])).find((v) => v.id === id)!;
        const validation = toEligibility(recorded);
        await recordAudit(trx, ids, principal, { operationType: 'record_customer_eligibility', resourceType: 'customer_eligibility_validation', resourceId: id, customerId, newValue: validation }, clock.now());
        return { status: 201, body: validation };
      });
    },

    /** GET /v1/customers: one page; the continuation token holds the position and which query it belongs to. */
    async list(principal: Principal, query: CustomerCriteriaQuery & { size: number; continuationToken?: string | undefined }) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const criteria = resolveCriteria(query);
      const after = query.continuationToken ? decodeContinuationToken(query.continuationToken, criteria) : undefined;
      const rows = await repo.listVisibleCustomers(db, principal.user.partner.id, criteria, { limit: query.size + 1, after });
      const page = rows.slice(0, query.size);
      const last = page.at(-1);
      const params = criteriaParams(query);
      params.set('size', String(query.size));
      const selfUri = `/v1/customers?${params}`;
      params.set('seekOperation', 'Next');
      return {
        items: page.map(toCustomer),
        selfUri,
        next: rows.length > query.size && last
          ? { uri: `/v1/customers?${params}`, continuationToken: encodeContinuationToken({ key: last.sort_key, id: last.id }, criteria) }
          : undefined,
      };
    },

    /**
     * GET /v1/customers/export (ours): every customer matching the query, as CSV. The query and the
     * caller's rights are checked before the first byte; the rows then follow in keyset batches, so
     * 100,000 customers never sit in memory at once.
     */
    exportCsv(principal: Principal, query: CustomerCriteriaQuery): AsyncIterable<string> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const criteria = resolveCriteria(query);
      const partnerId = principal.user.partner.id;
      return (async function* rows() {
        yield `\uFEFF${csvRow(customerCsvColumns.map((column) => column.header))}`;
        let after: repo.CustomerCursor | undefined;
        for (;;) {
          const batch = await repo.listVisibleCustomers(db, partnerId, criteria, { limit: EXPORT_BATCH, after });
          if (batch.length === 0) return;
          yield batch.map((row) => csvRow(customerCsvColumns.map((column) => column.value(row)))).join('');
          if (batch.length < EXPORT_BATCH) return;
          const last = batch.at(-1)!;
          after = { key: last.sort_key, id: last.id };
        }
      })();
    },

    /** GET /v1/customers/countries (ours): where the caller's customers are, for the list's country filter. */
    async countries(principal: Principal) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      return repo.listVisibleCountries(db, principal.user.partner.id);
    },
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

function toEligibility(v: Awaited<ReturnType<typeof repo.listEligibilityValidations>>[number]): EligibilityValidation {
  return {
    id: v.id,
    validationType: v.validation_type,
    details: v.details,
    validatedBy: v.user_id ? { id: v.user_id, displayName: v.display_name ?? '', email: v.email ?? '' } : null,
    partner: { id: v.partner_id, name: v.partner_name },
    createdAt: v.created_at.toISOString(),
    attributes: { objectType: 'CustomerEligibilityValidation' },
  };
}

const EXPORT_BATCH = 1000;

/** The CSV export's columns (English headers, stable for scripts that read them). */
const customerCsvColumns: { header: string; value: (row: repo.CustomerRow) => string | null }[] = [
  { header: 'Customer ID', value: (row) => row.id },
  { header: 'Company name', value: (row) => row.company_name },
  { header: 'Domain', value: (row) => row.domain },
  { header: 'Country/region', value: (row) => row.country },
  { header: 'City', value: (row) => row.city },
  { header: 'Primary contact', value: (row) => `${row.first_name} ${row.last_name}` },
  { header: 'Email', value: (row) => row.email },
  { header: 'Culture', value: (row) => row.culture },
  { header: 'Indirect reseller', value: (row) => row.indirect_reseller_name },
  { header: 'Indirect reseller ID', value: (row) => row.indirect_reseller_id },
  { header: 'Added on (UTC)', value: (row) => row.created_at.toISOString() },
];

/** The query's filter, country and reseller, checked and normalised; bad values are 400s naming their parameter. */
function resolveCriteria(query: CustomerCriteriaQuery): repo.CustomerListCriteria {
  let country: string | undefined;
  if (query.country !== undefined) {
    country = normalizeCountry(query.country);
    if (!country) {
      const message = `country ${query.country} is not an ISO 3166 country code; send two letters such as US or TW.`;
      throw new DomainError('invalid_input', message, [{ field: 'country', code: 'invalid_country', message }]);
    }
  }
  return { filter: parseFilter(query.filter), country, indirectResellerId: query.indirectResellerId?.toLowerCase(), sort: query.sort };
}

/** The query's own parameters, for the collection's self and next links. */
function criteriaParams(query: CustomerCriteriaQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.filter) params.set('filter', query.filter);
  if (query.country) params.set('country', query.country);
  if (query.indirectResellerId) params.set('indirectResellerId', query.indirectResellerId);
  if (query.sort !== 'companyName') params.set('sort', query.sort);
  return params;
}

const FILTER_FIELDS = customerFilterSchema.shape.Field.options;
const FILTER_OPERATORS = customerFilterSchema.shape.Operator.options;

/** The documented spelling of `value` among `names`, matched in any case; else `value` as it is. */
function spelledAs(value: unknown, names: readonly string[]): unknown {
  return typeof value === 'string' ? (names.find((name) => name.toLowerCase() === value.trim().toLowerCase()) ?? value) : value;
}

function parseFilter(raw: string | undefined): repo.CustomerListFilter | undefined {
  if (!raw) return undefined;
  let text = raw;
  // Clients written for Partner Center URL-encode the JSON; some encode it twice.
  if (/^%7B/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // fall through to the JSON error below
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw filterError('filter is not JSON. Send {"Field":"CompanyName","Value":"con","Operator":"starts_with"}, URL-encoded.');
  }
  // Partner Center clients vary the case of the keys (Field/field).
  const lowered = json && typeof json === 'object' ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k.toLowerCase(), v])) : {};
  // ...and of the field and operator names (companyname, STARTS_WITH): read as documented.
  const result = customerFilterSchema.safeParse({ Field: spelledAs(lowered.field, FILTER_FIELDS), Value: lowered.value, Operator: spelledAs(lowered.operator, FILTER_OPERATORS) });
  if (!result.success) {
    throw filterError(`filter is not valid: Field must be CompanyName, Domain, IndirectReseller or IndirectCloudSolutionProvider, Value a non-empty string, Operator starts_with or contains.`);
  }
  const { Field: field } = result.data;
  if (field === 'IndirectReseller' || field === 'IndirectCloudSolutionProvider') {
    // Partner Center: the partner's tenant id, matched whole (its documented operator is starts_with).
    const value = result.data.Value.trim().toLowerCase();
    if (!GUID.test(value)) {
      throw filterError(`filter Value of ${field} must be the partner's tenant id (a GUID such as 484e548c-f5f3-4528-93a9-c16c6373cb59), not a name or Partner ID.`);
    }
    return { field, operator: result.data.Operator, value };
  }
  // JSON can carry a NUL (\u0000) or a lone surrogate (\ud800) as an escape, past the check of raw query strings.
  const unstorable = unstorableText(result.data.Value);
  if (unstorable !== undefined) throw filterError(`filter Value: ${unstorable}`);
  return { field: result.data.Field, operator: result.data.Operator, value: result.data.Value };
}

function domainTakenError(domain: string): FieldError {
  return {
    field: 'companyProfile.domain',
    code: 'domain_taken',
    message: `${domain} is taken. If this customer already exists, ask it for a reseller relationship instead of adding it again.`,
  };
}

function filterError(message: string) {
  return new DomainError('invalid_input', message, [{ field: 'filter', code: 'invalid_filter', message }]);
}


/**
 * The continuation token: the position, and a digest of the query it was issued for (its sort named
 * apart, so that a mismatch can say so). A token of another query, or a forged one, is a 400.
 */
export function encodeContinuationToken(cursor: repo.CustomerCursor, criteria: repo.CustomerListCriteria): string {
  return Buffer.from(JSON.stringify([criteria.sort, cursor.key, cursor.id, criteriaDigest(criteria)])).toString('base64url');
}

function decodeContinuationToken(token: string, criteria: repo.CustomerListCriteria): repo.CustomerCursor {
  let parts: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(parsed)) parts = parsed;
  } catch {
    // reported below
  }
  const [sort, key, id, digest] = parts;
  if (typeof sort === 'string' && sort !== criteria.sort && (customerSorts as readonly string[]).includes(sort)) {
    throw continuationError(`The MS-ContinuationToken belongs to sort=${sort}, not sort=${criteria.sort}. Start again from the first page.`);
  }
  const validKey = typeof key === 'string' && (criteria.sort.endsWith('companyName') ? isNameKey(key) : isTimestampKey(key));
  if (sort === criteria.sort && validKey && typeof id === 'string' && GUID.test(id) && digest === criteriaDigest(criteria)) return { key, id };
  throw continuationError();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The billing profile's etag, written as the subscriptions' are: W/"<version>". */
function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** The version an etag names (W/"3", "3" or 3); null for anything else, which then matches nothing (412). */
function versionOfEtag(etag: string): number | null {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(etag);
  return match ? Number(match[1]) : null;
}

// Checked here so that a forged key never reaches the SQL cast (a 500): no NUL in a name, and a
// timestamp that is a real instant (Date round-trips it: no 30 February), in years PostgreSQL takes.
function isNameKey(key: string) {
  return key.length <= 1000 && unstorableText(key) === undefined;
}

function isTimestampKey(key: string) {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key)) return false;
  const date = new Date(`${key.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === key.slice(0, 23);
}

function criteriaDigest({ filter, country, indirectResellerId }: repo.CustomerListCriteria): string {
  const what = [filter?.field ?? '', filter?.operator ?? '', filter?.value.toLowerCase() ?? '', country ?? '', indirectResellerId ?? ''];
  return sha256(JSON.stringify(what)).slice(0, 16);
}


/** An existing tenant the operator makes (issue 9, part 4): checked already, with at most one partner. */
export interface NewTenant {
  instance: 'public' | 'usgov';
  companyName: string;
  domain: string;
  country: string;
  culture: string;
  language: string;
  partner: { id: string; name: string } | null;
}

/**
 * Writes an existing tenant for the operator (`partnerdesk tenants create`): the customer, its domain
 * (for ever), its admin `admin@<domain>` with a temporary password (shown once, changed at the first
 * sign-in), and the relationship with its partner if it has one (audited as that partner's, by the
 * operator). Only the company profile is known: the billing contact is the admin's address, the postal
 * address is left empty for the customer's partner to complete.
 */
export async function insertTenant(trx: Executor, ids: IdGenerator, now: Date, tenant: NewTenant) {
  const id = ids.uuid();
  if (!(await repo.registerDomain(trx, tenant.instance, tenant.domain, id, now))) {
    throw new DomainError('domain_taken', `domain: ${tenant.domain} is taken in the ${tenant.instance} instance (a domain, once registered, is never free again). Choose another.`, [domainTakenError(tenant.domain)]);
  }
  const password = temporaryPassword();
  const userPrincipalName = `admin@${tenant.domain}`;
  await repo.insertCustomer(trx, {
    id,
    instance_id: tenant.instance,
    commerce_id: ids.uuid(),
    company_name: tenant.companyName,
    domain: tenant.domain,
    organization_registration_number: null,
    email: userPrincipalName,
    culture: tenant.culture,
    language: tenant.language,
    billing_company_name: tenant.companyName,
    first_name: '',
    last_name: '',
    address_line1: '',
    country: tenant.country,
    admin_password_hash: `sha256$${sha256(password)}`,
    admin_password_set_at: now,
    admin_password_temporary: true,
    created_by_partner_id: tenant.partner?.id ?? null,
    created_at: now,
    updated_at: now,
  });
  if (tenant.partner) {
    await repo.insertRelationships(trx, [{ customer_id: id, partner_id: tenant.partner.id, origin: 'created', indirect_reseller_id: null, indirect_provider_id: null, created_at: now }]);
    await recordAuditAs(trx, ids, { partnerId: tenant.partner.id, userId: null, name: 'operator (partnerdesk tenants create)' }, {
      operationType: 'add_customer',
      resourceType: 'customer',
      resourceId: id,
      customerId: id,
      newValue: { id, companyName: tenant.companyName, domain: tenant.domain, country: tenant.country, via: 'operator' },
    }, now);
  }
  return { id, userPrincipalName, temporaryPassword: password };
}

/**
 * A new password for the customer's admin (Reset admin password, and a reset of the admin as one of the
 * customer's users): its hash where the admin's sign-in reads it, and the admin's sessions end, so that
 * whoever held the old password is signed out.
 */
export async function setTenantAdminPassword(trx: Executor, customerId: string, hash: string, temporary: boolean, now: Date) {
  await trx.updateTable('customers').set({ admin_password_hash: hash, admin_password_set_at: now, admin_password_temporary: temporary, updated_at: now }).where('id', '=', customerId).execute();
  await trx.updateTable('tenant_sessions').set({ revoked_at: now }).where('customer_id', '=', customerId).where('revoked_at', 'is', null).execute();
}

/** The operator's list of tenants (`partnerdesk tenants list`). */
export const listTenants = repo.listTenants;

/**
 * The provider's relationship with the customer is about to name `resellerId` (the customer accepted a
 * reseller's request for both tiers): a reseller the provider named before loses what the association
 * alone gave it, as when the provider changes the reseller itself. The provider's row is locked first.
 */
export async function replaceAssociatedReseller(trx: Executor, row: { customerId: string; providerId: string; resellerId: string; now: Date }) {
  const before = (await repo.lockRelationship(trx, row.providerId, row.customerId))?.indirect_reseller_id ?? null;
  if (before && before !== row.resellerId) await repo.dissociateReseller(trx, { customerId: row.customerId, resellerId: before, providerId: row.providerId, now: row.now });
}
