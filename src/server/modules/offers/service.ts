import { normalizeCountry } from '#domain/countries/country-rules.ts';
import { DomainError, notFound } from '#domain/errors.ts';
import { CATALOG_LOCALE, localized } from '#domain/offer/localized.ts';
import { termOptions, type BillingCycle } from '#domain/offer/terms.ts';
import { assertCan } from '#domain/roles.ts';
import { offerCategoryIds, type Offer } from '#contracts/offers.ts';
import type { Db } from '#db/database.ts';
import { link, offerUri } from '#server/lib/links.ts';
import type { Principal } from '#server/lib/principal.ts';
import * as repo from './repository.ts';

const CATEGORY_NAMES = {
  enterprise: 'Enterprise',
  small_business: 'Small business',
  government: 'Government',
  education: 'Education',
  nonprofit: 'Nonprofit',
  trial: 'Trial',
} as const;

/** Partner Center's offer properties for what this catalog does not have: no sales groups, upgrades, conversions, qualifications or internal offers. */
const NOT_IN_THIS_CATALOG = {
  salesGroupId: null,
  upgradeTargetOffers: [],
  conversionTargetOffers: [],
  reselleeQualifications: [],
  resellerQualifications: [],
  isInternal: false,
} as const satisfies Partial<Offer>;

/** The offer as GET /v1/offers answers it, its description in `locale` where the catalog has one. */
export function toOffer(row: repo.OfferRow, locale?: string | null): Offer {
  const terms = termOptions([row.term, ...row.other_terms], row.billing_cycles as BillingCycle[]);
  const description = localized(row.description, translationsOf(row.descriptions), locale);
  const uri = offerUri(row.id, row.country);
  return {
    id: row.id,
    name: row.name,
    description: description.text,
    minimumQuantity: row.min_quantity,
    maximumQuantity: row.max_quantity,
    rank: 0,
    uri,
    locale: description.locale,
    country: row.country,
    category: {
      id: row.category,
      name: CATEGORY_NAMES[row.category],
      rank: offerCategoryIds.indexOf(row.category) + 1,
      locale: CATALOG_LOCALE,
      country: row.country,
      attributes: { objectType: 'OfferCategory' },
    },
    prerequisiteOffers: row.prerequisite_offer_ids,
    isAddOn: row.is_add_on,
    hasAddOns: row.has_add_ons,
    isAvailableForPurchase: row.active,
    isAutoRenewable: row.term !== 'none',
    product: { id: row.id, name: row.name, unit: row.unit_type },
    ...NOT_IN_THIS_CATALOG,
    billing: row.billing,
    supportedBillingCycles: row.billing_cycles,
    termDuration: row.term,
    terms,
    unitType: row.unit_type,
    isTrial: row.is_trial,
    limit: row.purchase_limit,
    limitUnitOfMeasure: row.purchase_limit === null ? 'None' : 'Licenses',
    listPrice: { amount: Number(row.list_price), currency: row.currency },
    links: { self: link(uri) },
    attributes: { objectType: 'Offer' },
  };
}

/** The `descriptions` column: an object of strings (PGlite and pg both parse jsonb). */
function translationsOf(value: unknown): Record<string, string> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The `country` query parameter as an ISO 3166 alpha-2 code, or a 400 naming it. */
function countryOf(value: string): string {
  const country = normalizeCountry(value);
  if (country) return country;
  const message = `country "${value}" is not an ISO 3166 alpha-2 code such as US.`;
  throw new DomainError('invalid_input', message, [{ field: 'country', code: 'country_invalid', message }]);
}

export function createOffersService({ db }: { db: Db }) {
  return {
    /** GET /v1/offers?country=: the caller's instance's offers sold in a country. */
    async list(principal: Principal, query: { country: string; offset: number; size: number; category?: string | undefined; q?: string | undefined }, locale?: string) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'offers.view');
      const country = countryOf(query.country);
      const rows = await repo.listOffers(db, { instance: principal.user.partner.instanceId, country, category: query.category, q: query.q }, { offset: query.offset, size: query.size + 1 });
      const page = rows.slice(0, query.size);
      const base = new URLSearchParams({ country, size: String(query.size) });
      const self = `/v1/offers?${new URLSearchParams({ ...Object.fromEntries(base), offset: String(query.offset) })}`;
      const next = rows.length > query.size ? `/v1/offers?${new URLSearchParams({ ...Object.fromEntries(base), offset: String(query.offset + query.size) })}` : undefined;
      return { items: page.map((row) => toOffer(row, locale)), self, next };
    },

    /**
     * GET /v1/offers/{id}?country=: one offer of the caller's instance sold in the country, also one no
     * longer for sale (isAvailableForPurchase false), so that a subscription's offer link resolves.
     */
    async get(principal: Principal, offerId: string, query: { country: string }, locale?: string) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'offers.view');
      const country = countryOf(query.country);
      const row = await repo.findOfferInMarket(db, principal.user.partner.instanceId, country, offerId);
      if (!row) throw notFound(`The offer ${offerId} sold in ${country}`, [offerId]);
      return toOffer(row, locale);
    },
  };
}

export type OffersService = ReturnType<typeof createOffersService>;
