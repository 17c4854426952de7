import { describe, expect, it } from 'vitest';
import { addressValidationStatuses as domainStatuses } from '#domain/customer-rules.ts';
import { partnerKinds, roles } from '#domain/roles.ts';
import { partnerKindSchema, roleSchema } from './auth.ts';
import { addressValidationStatuses } from './validation.ts';

// The contracts stay free of domain imports (the portal's bundle would carry the country data);
// these lists are written twice, and kept equal here.
describe('contracts agree with the domain', () => {
  it('has the same roles and partner kinds', () => {
    expect(roleSchema.options).toEqual([...roles]);
    expect(partnerKindSchema.options).toEqual([...partnerKinds]);
  });
  it('has the same address validation statuses', () => {
    expect([...addressValidationStatuses]).toEqual([...domainStatuses]);
  });
});
