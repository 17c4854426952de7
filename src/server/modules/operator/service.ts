import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { DomainError, type FieldError } from '#domain/errors.ts';
import { termCatalogErrors, type TermDuration } from '#domain/offer/terms.ts';
import {
  agreementTemplateInputSchema,
  catalogFileSchema,
  type OfferInput,
  partnerInputSchema,
  partnerUpdateSchema,
  partnershipStateSchema,
  tenantInputSchema,
  userInputSchema,
} from '#contracts/operator.ts';
import { getCountryRules, normalizeCountry } from '#domain/countries/country-rules.ts';
import { checkCultureAndLanguage, errorsOf, plainTextErrors, validateCompanyName } from '#domain/customer-rules.ts';
import { resolveDomain } from '#domain/onboarding.ts';
import type { Executor } from '#db/database.ts';
import { inTransaction } from '#server/lib/transactions.ts';
import { systemClock, type Clock, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { insertTenant, listTenants } from '#server/modules/customers/service.ts';
import { isUniqueViolation } from '#server/lib/pg-errors.ts';

/** The operator's setup: partners, partnerships, users, catalog, agreement templates, existing tenants. Used by the CLI and the seed. */
export function createOperatorService({ db, ids, hasher, clock = systemClock }: { db: Executor; ids: IdGenerator; hasher: PasswordHasher; clock?: Clock }) {
  async function findPartner(executor: Executor, ref: string) {
    const byId = /^[0-9a-f-]{36}$/i.test(ref);
    const rows = await executor
      .selectFrom('partner_organizations')
      .selectAll()
      .where((eb) =>
        eb.or([
          ...(byId ? [eb('id', '=', ref)] : []),
          eb('mpn_id', '=', ref),
          eb(sql<string>`lower(name)`, '=', ref.toLowerCase()),
        ]),
      )
      .execute();
    if (rows.length === 0) throw new DomainError('not_found', `There is no partner "${ref}" (give its id, Partner ID or name).`);
    if (rows.length > 1) throw new DomainError('conflict', `"${ref}" matches ${rows.length} partners; give the partner's id.`);
    return rows[0]!;
  }

  return {
    findPartner: (ref: string) => findPartner(db, ref),

    async createPartner(input: unknown) {
      const partner = parse(partnerInputSchema, input);
      try {
        return await db
          .insertInto('partner_organizations')
          .values({
            id: ids.uuid(),
            instance_id: partner.instance,
            name: partner.name,
            kind: partner.kind,
            mpn_id: partner.mpnId,
            markets: partner.markets,
            email_domains: partner.emailDomains,
            usgov_validated: partner.usgovValidated,
            invitation_code: randomBytes(12).toString('base64url'),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('conflict', `A partner named "${partner.name}" or with Partner ID ${partner.mpnId} already exists in the ${partner.instance} instance.`);
        }
        throw error;
      }
    },

    async updatePartner(ref: string, input: unknown) {
      const changes = parse(partnerUpdateSchema, input);
      const partner = await findPartner(db, ref);
      return db
        .updateTable('partner_organizations')
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.mpnId !== undefined ? { mpn_id: changes.mpnId } : {}),
          ...(changes.markets !== undefined ? { markets: changes.markets } : {}),
          ...(changes.emailDomains !== undefined ? { email_domains: changes.emailDomains } : {}),
          ...(changes.usgovValidated !== undefined ? { usgov_validated: changes.usgovValidated } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', partner.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async listPartners() {
      return db.selectFrom('partner_organizations').selectAll().orderBy('instance_id').orderBy('name').execute();
    },

    /** Creates or updates the partnership of an indirect provider and an indirect reseller of the same instance. */
    async setPartnership(providerRef: string, resellerRef: string, stateInput: unknown = 'active') {
      const state = parse(partnershipStateSchema, stateInput);
      const provider = await findPartner(db, providerRef);
      const reseller = await findPartner(db, resellerRef);
      if (provider.kind !== 'indirect_provider') throw new DomainError('invalid_input', `${provider.name} is not an indirect provider.`);
      if (reseller.kind !== 'indirect_reseller') throw new DomainError('invalid_input', `${reseller.name} is not an indirect reseller.`);
      if (provider.instance_id !== reseller.instance_id) throw new DomainError('invalid_input', 'A partnership joins partners of the same cloud instance.');
      await db
        .insertInto('partnerships')
        .values({ provider_id: provider.id, reseller_id: reseller.id, state })
        .onConflict((oc) => oc.columns(['provider_id', 'reseller_id']).doUpdateSet({ state, updated_at: new Date() }))
        .execute();
      return { provider: provider.name, reseller: reseller.name, state };
    },

    async createUser(input: unknown) {
      const user = parse(userInputSchema, input);
      const partner = await findPartner(db, user.partner);
      const passwordHash = await hasher.hash(user.password);
      const id = ids.uuid();
      try {
        await inTransaction(db, async (trx) => {
          await trx
            .insertInto('partner_users')
            .values({ id, partner_id: partner.id, email: user.email, display_name: user.displayName ?? user.email.split('@')[0]!, password_hash: passwordHash })
            .execute();
          await trx.insertInto('partner_user_roles').values(user.roles.map((role) => ({ user_id: id, role }))).execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('conflict', `A user with the email ${user.email} already exists.`);
        throw error;
      }
      return { id, email: user.email, partner: partner.name, roles: user.roles };
    },

    async resetPassword(email: string, password: string) {
      if (password.length < 12) throw new DomainError('invalid_input', 'The password must have at least 12 characters.', [{ field: 'password', code: 'too_short', message: 'Use at least 12 characters.' }]);
      const result = await db
        .updateTable('partner_users')
        .set({ password_hash: await hasher.hash(password), updated_at: new Date() })
        .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new DomainError('not_found', `There is no user ${email}.`);
      // A new password ends every session of the old one.
      await db
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('user_id', 'in', db.selectFrom('partner_users').select('id').where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()))
        .where('revoked_at', 'is', null)
        .execute();
    },

    /** Imports offers; an offer already there is updated and its markets replaced. One transaction. */
    async importCatalog(input: unknown) {
      const catalog = parse(catalogFileSchema, input);
      const seen = new Set<string>();
      for (const [index, offer] of catalog.offers.entries()) {
        if (seen.has(offer.id)) throw new DomainError('invalid_input', `offers[${index}].id: ${offer.id} appears twice in the file.`);
        seen.add(offer.id);
      }
      const termErrors = catalog.offers.flatMap((offer, index) =>
        termCatalogErrors(termsOf(offer), offer.billingCycles, offer.terms ? 'terms' : 'term').map((error) => ({ ...error, field: `offers.${index}.${error.field}` })),
      );
      if (termErrors.length > 0) throw new DomainError('invalid_input', termErrors.map((e) => `${e.field}: ${e.message}`).join('; '), termErrors);
      return inTransaction(db, async (trx) => {
        let created = 0;
        let updated = 0;
        for (const offer of catalog.offers) {
          const existing = await trx.selectFrom('offers').select(['id', 'instance_id']).where('id', '=', offer.id).executeTakeFirst();
          if (existing && existing.instance_id !== offer.instance) {
            throw new DomainError('invalid_input', `Offer ${offer.id} belongs to the ${existing.instance_id} instance; an offer cannot move.`);
          }
          const values = {
            instance_id: offer.instance,
            name: offer.name,
            description: offer.description,
            category: offer.category,
            min_quantity: offer.minQuantity,
            max_quantity: offer.maxQuantity,
            unit_type: offer.unitType,
            billing: offer.billing,
            billing_cycles: offer.billingCycles,
            term: termsOf(offer)[0]!,
            other_terms: termsOf(offer).slice(1),
            descriptions: JSON.stringify(offer.descriptions),
            purchase_limit: offer.purchaseLimit,
            is_add_on: offer.isAddOn,
            prerequisite_offer_ids: offer.prerequisiteOfferIds,
            is_trial: offer.isTrial,
            active: offer.active,
          };
          if (existing) {
            await trx.updateTable('offers').set({ ...values, updated_at: new Date() }).where('id', '=', offer.id).execute();
            await trx.deleteFrom('offer_markets').where('offer_id', '=', offer.id).execute();
            updated++;
          } else {
            await trx.insertInto('offers').values({ id: offer.id, ...values }).execute();
            created++;
          }
          await trx
            .insertInto('offer_markets')
            .values(offer.markets.map((m) => ({ offer_id: offer.id, country: m.country, currency: m.currency, list_price: m.listPrice.toFixed(2) })))
            .execute();
        }
        const unknownPrerequisites = catalog.offers.flatMap((o) => o.prerequisiteOfferIds).filter((id) => !seen.has(id));
        if (unknownPrerequisites.length > 0) {
          const found = await trx.selectFrom('offers').select('id').where('id', 'in', unknownPrerequisites).execute();
          const missing = unknownPrerequisites.filter((id) => !found.some((row) => row.id === id));
          if (missing.length > 0) throw new DomainError('invalid_input', `Unknown prerequisite offers: ${missing.join(', ')}.`);
        }
        return { created, updated };
      });
    },

    /**
     * An existing tenant (issue 9, part 4): a customer that a partner requests a relationship with rather
     * than adds. The company name, domain, country and culture follow the add-customer rules (SPEC §4);
     * a partner, if given, must sell in the tenant's country and instance, and be a direct partner or an
     * indirect provider (a reseller's customers come through its provider). One transaction.
     */
    async createTenant(input: unknown) {
      const tenant = parse(tenantInputSchema, input);
      const partner = tenant.partner ? await findPartner(db, tenant.partner) : null;
      const instance = tenant.instance ?? partner?.instance_id ?? 'public';
      const errors: FieldError[] = [];
      const company = validateCompanyName(tenant.company, 'company');
      errors.push(...plainTextErrors([{ field: 'company', label: 'the company name', value: tenant.company, kind: 'line' }]), ...company.errors);
      const { domain_suffix: suffix } = await db.selectFrom('cloud_instances').select('domain_suffix').where('id', '=', instance).executeTakeFirstOrThrow();
      const domain = resolveDomain(tenant.domain, suffix, 'domain');
      errors.push(...errorsOf(domain));
      const country = normalizeCountry(tenant.country);
      const rules = country ? getCountryRules(country) : undefined;
      if (!country || !rules) errors.push({ field: 'country', code: 'country_invalid', message: `${tenant.country} is not a country or region: give an ISO code such as US.` });
      const cultures = country && rules ? checkCultureAndLanguage({ culture: tenant.culture }, country, { culture: 'culture', language: 'language' }) : undefined;
      if (cultures) errors.push(...errorsOf(cultures.culture), ...errorsOf(cultures.language));
      if (partner) {
        if (partner.instance_id !== instance) errors.push({ field: 'partner', code: 'partner_instance', message: `${partner.name} is in the ${partner.instance_id} instance, not ${instance}.` });
        if (partner.kind === 'indirect_reseller') errors.push({ field: 'partner', code: 'partner_kind', message: `${partner.name} is an indirect reseller: its customers come through its indirect provider. Give the provider.` });
        if (country && !partner.markets.includes(country)) errors.push({ field: 'partner', code: 'partner_not_authorized_in_country', message: `${partner.name} does not sell in ${country} (its markets: ${partner.markets.join(', ')}).` });
      }
      if (errors.length > 0 || !domain.ok || !country || !cultures?.culture.ok || !cultures.language.ok) {
        throw new DomainError('invalid_input', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
      }
      const [culture, language] = [cultures.culture.value, cultures.language.value];
      const now = clock.now();
      const created = await inTransaction(db, (trx) =>
        insertTenant(trx, ids, now, {
          instance,
          companyName: company.value,
          domain: domain.value,
          country,
          culture,
          language,
          partner: partner ? { id: partner.id, name: partner.name } : null,
        }),
      );
      return {
        id: created.id,
        instance,
        companyName: company.value,
        domain: domain.value,
        country,
        culture,
        partner: partner ? { id: partner.id, name: partner.name } : null,
        admin: { userPrincipalName: created.userPrincipalName, temporaryPassword: created.temporaryPassword, mustChangePassword: true },
      };
    },

    async listTenants(instance?: 'public' | 'usgov') {
      return listTenants(db, instance);
    },

    async addAgreementTemplate(input: unknown) {
      const template = parse(agreementTemplateInputSchema, input);
      try {
        return await db
          .insertInto('agreement_templates')
          .values({
            id: template.templateId ?? ids.uuid(),
            instance_id: template.instance,
            agreement_type: template.type,
            agreement_link: template.link,
            version_rank: template.versionRank,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('conflict', `The ${template.instance} instance already has a ${template.type} with version rank ${template.versionRank} (or that template id).`);
        }
        throw error;
      }
    },
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;

/** A catalog offer's terms, the usual first (`term` is the one-term spelling). */
function termsOf(offer: OfferInput): TermDuration[] {
  return offer.terms ?? (offer.term ? [offer.term] : []);
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'input',
    code: issue.code,
    message: issue.message,
  }));
  throw new DomainError('invalid_input', fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), fieldErrors);
}
