import type { Db } from '#db/database.ts';
import { assertCan } from '#domain/roles.ts';
import type { Principal } from '#server/lib/principal.ts';

const STATE = { active: 'Active', inactive: 'Inactive', suspended: 'Suspended', terminated: 'Terminated' } as const;

export function createPartnersService({ db }: { db: Db }) {
  return {
    /** Partnerships seen from either side: a provider's resellers, or a reseller's providers (for the customer list and the wizard). */
    async listRelationships(principal: Principal, type: 'IsIndirectCloudSolutionProviderOf' | 'IsIndirectResellerOf') {
      assertCan(principal.user.partner.kind, principal.user.roles, 'customers.view');
      const mine = principal.user.partner.id;
      const [ownSide, otherSide] = type === 'IsIndirectCloudSolutionProviderOf' ? (['provider_id', 'reseller_id'] as const) : (['reseller_id', 'provider_id'] as const);
      const rows = await db
        .selectFrom('partnerships as ps')
        .innerJoin('partner_organizations as other', 'other.id', `ps.${otherSide}`)
        .select(['other.id', 'other.name', 'other.mpn_id', 'other.markets', 'ps.state'])
        .where(`ps.${ownSide}`, '=', mine)
        .orderBy('other.name')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        relationshipType: 'IsIndirectCloudSolutionProviderOf' as const,
        state: STATE[row.state],
        mpnId: row.mpn_id,
        location: row.markets[0] ?? '',
        attributes: { objectType: 'PartnerRelationship' as const },
      }));
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
