import { DomainError } from '#domain/errors.ts';
import { assertCan } from '#domain/roles.ts';
import { customerFilterSchema, type Customer } from '#contracts/customers.ts';
import type { Db } from '#db/database.ts';
import type { Principal } from '#server/lib/principal.ts';
import * as repo from './repository.ts';

export interface CustomersDeps { db: Db; publicUrl: string }

export function createCustomersService({ db, publicUrl }: CustomersDeps) {
  const selfUri = (id: string) => `/v1/customers/${id}`;

  function toCustomer(row: repo.CustomerRow): Customer {
    return {
      id: row.id,
      commerceId: row.commerce_id,
      companyProfile: {
        tenantId: row.id,
        domain: row.domain,
        companyName: row.company_name,
        organizationRegistrationNumber: row.organization_registration_number,
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      billingProfile: {
        email: row.email,
        culture: row.culture,
        language: row.language,
        companyName: row.billing_company_name,
        defaultAddress: {
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
        },
        attributes: { objectType: 'CustomerBillingProfile' },
      },
      relationshipToPartner: 'reseller',
      associatedPartnerId: row.indirect_reseller_mpn_id ?? null,
      indirectReseller: row.indirect_reseller_id ? { id: row.indirect_reseller_id, name: row.indirect_reseller_name ?? '' } : null,
      indirectProvider: row.indirect_provider_id ? { id: row.indirect_provider_id, name: row.indirect_provider_name ?? '' } : null,
      allowDelegatedAccess: true,
      createdAt: row.created_at.toISOString(),
      links: { self: { uri: selfUri(row.id), method: 'GET', headers: [] } },
      attributes: { objectType: 'Customer' },
    };
  }

  return {
    toCustomer,

    async get(principal: Principal, customerId: string): Promise<Customer> {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const row = await repo.findVisibleCustomer(db, principal.user.partner.id, customerId);
      // Another partner's customer is indistinguishable from one that does not exist.
      if (!row) throw new DomainError('not_found', `There is no customer ${customerId}.`);
      return toCustomer(row);
    },

    async list(principal: Principal, query: { size: number; filter?: string | undefined; continuationToken?: string | undefined }) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const filter = parseFilter(query.filter);
      const filterKey = filter ? `${filter.field}:${filter.prefix.toLowerCase()}` : '';
      const after = query.continuationToken ? decodeCursor(query.continuationToken, filterKey) : undefined;
      const rows = await repo.listVisibleCustomers(db, principal.user.partner.id, { limit: query.size + 1, after, filter });
      const page = rows.slice(0, query.size);
      const last = page.at(-1);
      const params = new URLSearchParams({ size: String(query.size) });
      if (query.filter) params.set('filter', query.filter);
      const selfUri = `/v1/customers?${params}`;
      params.set('seekOperation', 'Next');
      return {
        items: page.map(toCustomer),
        selfUri,
        next: rows.length > query.size && last
          ? { uri: `/v1/customers?${params}`, continuationToken: encodeCursor({ name: last.sort_name, id: last.id }, filterKey) }
          : undefined,
      };
    },

    /** The partner's one link that existing customers follow to accept a reseller relationship (SPEC §6). */
    async relationshipRequestLink(principal: Principal) {
      const { partner } = principal.user;
      assertCan(partner.kind, principal.user.roles, 'relationships.request');
      const row = await db
        .selectFrom('partner_organizations as p')
        .innerJoin('cloud_instances as i', 'i.id', 'p.instance_id')
        .select(['p.invitation_code', 'i.relationship_requests_enabled'])
        .where('p.id', '=', partner.id)
        .executeTakeFirstOrThrow();
      if (!row.relationship_requests_enabled) {
        throw new DomainError('feature_unavailable', 'Relationship requests are not available in this cloud instance.');
      }
      return { url: `${publicUrl}/relationship-requests/${row.invitation_code}` };
    },
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

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
  const result = customerFilterSchema.safeParse({ Field: lowered.field, Value: lowered.value, Operator: lowered.operator });
  if (!result.success) {
    throw filterError(`filter is not valid: Field must be CompanyName, Domain or IndirectReseller, Value a non-empty string, Operator starts_with.`);
  }
  return { field: result.data.Field, prefix: result.data.Value };
}

function filterError(message: string) {
  return new DomainError('invalid_input', message, [{ field: 'filter', code: 'invalid_filter', message }]);
}

function encodeCursor(cursor: repo.CustomerCursor, filterKey: string): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id, filterKey])).toString('base64url');
}

function decodeCursor(token: string, filterKey: string): repo.CustomerCursor {
  try {
    const [name, id, key] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && key === filterKey) return { name, id };
  } catch {
    // reported below
  }
  const message = 'The MS-ContinuationToken is not valid for this query. Start again from the first page.';
  throw new DomainError('invalid_input', message, [{ field: 'MS-ContinuationToken', code: 'invalid_continuation', message }]);
}
