import { describe, expect, it } from 'vitest';
import { summarizeDraft } from './summary.ts';

describe('summarizeDraft', () => {
  it('reads the portal wizard’s values, with the domain the customer would get', () => {
    expect(summarizeDraft({ companyName: '  Northwind Traders ', domain: 'Northwind', country: 'us', lineItems: [] }, 'onmicrosoft.com')).toEqual({
      companyName: 'Northwind Traders',
      domain: 'northwind.onmicrosoft.com',
      country: 'US',
    });
  });

  it('reads Partner Center’s request shape (what API clients save)', () => {
    const data = { companyProfile: { companyName: 'Contoso', domain: 'contoso.onmicrosoft.us' }, billingProfile: { defaultAddress: { country: 'UK' } } };
    expect(summarizeDraft(data, 'onmicrosoft.us')).toEqual({ companyName: 'Contoso', domain: 'contoso.onmicrosoft.us', country: 'GB' });
    expect(summarizeDraft({ billingProfile: { companyName: 'Billing Name Ltd' } }, 'onmicrosoft.com').companyName).toBe('Billing Name Ltd');
  });

  it('gives null for what is missing, blank, of another type or unknown', () => {
    expect(summarizeDraft({}, 'onmicrosoft.com')).toEqual({ companyName: null, domain: null, country: null });
    expect(summarizeDraft({ companyName: '   ', domain: 42, country: 'Atlantis', companyProfile: 'x', billingProfile: [1] }, 'onmicrosoft.com')).toEqual({
      companyName: null,
      domain: null,
      country: null,
    });
  });

  it('cuts a long name to 255 characters', () => {
    expect(summarizeDraft({ companyName: 'a'.repeat(400) }, 'onmicrosoft.com').companyName).toHaveLength(255);
  });
});
