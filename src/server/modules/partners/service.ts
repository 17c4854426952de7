import type { Db } from '#db/database.ts';
import { assertCan } from '#domain/roles.ts';
import type { PartnerRelationship, PartnerRelationshipType } from '#contracts/partners.ts';
import type { Principal } from '#server/lib/principal.ts';

const STATE = { active: 'Active', inactive: 'Inactive', suspended: 'Suspended', terminated: 'Terminated' } as const;
export type PartnershipState = keyof typeof STATE;

/** A PartnerRelationship item from a partner organisation's row and its partnership's state. */
export function toPartnerRelationship(
  row: { id: string; name: string; mpn_id: string; markets: string[]; state: PartnershipState | null },
  relationshipType: PartnerRelationshipType,
): PartnerRelationship {
  return {
    id: row.id,
    name: row.name,
    relationshipType,
    // A partnership that no longer exists reads as terminated: never offered.
    state: STATE[row.state ?? 'terminated'],
    mpnId: row.mpn_id,
    location: row.markets[0] ?? '',
    attributes: { objectType: 'PartnerRelationship' },
  };
}

export function createPartnersService({ db }: { db: Db }) {
  return {
    /**
     * Partnerships seen from either side: a provider's resellers (`is_indirect_cloud_solution_provider_of`),
     * or a reseller's providers (`is_indirect_reseller_of`), inactive ones included and flagged by state.
     */
    async listRelationships(principal: Principal, type: PartnerRelationshipType) {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const mine = principal.user.partner.id;
      const [ownSide, otherSide] = type === 'is_indirect_cloud_solution_provider_of' ? (['provider_id', 'reseller_id'] as const) : (['reseller_id', 'provider_id'] as const);
      const rows = await db
        .selectFrom('partnerships as ps')
        .innerJoin('partner_organizations as other', 'other.id', `ps.${otherSide}`)
        .select(['other.id', 'other.name', 'other.mpn_id', 'other.markets', 'ps.state'])
        .where(`ps.${ownSide}`, '=', mine)
        .orderBy('other.name')
        .execute();
      return rows.map((row) => toPartnerRelationship(row, type));
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
