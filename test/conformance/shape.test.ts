import { describe, expect, it } from 'vitest';
import { commonShape, compareShape } from './shape.ts';

describe('compareShape', () => {
  const sample = {
    id: 'a',
    quantity: 1,
    autoRenewEnabled: false,
    companyProfile: { domain: 'x.onmicrosoft.com', address: { country: 'US' } },
    links: { self: { uri: '/x', headers: [] } },
    parentSubscriptionId: null,
  };
  const same = {
    id: 'b',
    quantity: 7,
    autoRenewEnabled: true,
    companyProfile: { domain: 'y.onmicrosoft.com', address: { country: 'DE', city: 'Berlin' } },
    links: { self: { uri: '/y', headers: [{ key: 'x' }] } },
    parentSubscriptionId: 'c',
    ours: true,
  };

  it('accepts the same names, nesting and types, with values and extra properties of its own', () => {
    expect(compareShape(sample, same)).toEqual([]);
  });

  it('names the path of a missing property, nested', () => {
    const { address: _address, ...companyProfile } = same.companyProfile;
    expect(compareShape(sample, { ...same, companyProfile })).toEqual(['$.companyProfile.address: missing']);
  });

  it('tells a property in another case apart from a missing one', () => {
    const { quantity, ...rest } = same;
    expect(compareShape(sample, { ...rest, Quantity: quantity })).toEqual(['$.quantity: missing (there is "Quantity": the case differs)']);
  });

  it('names a wrong JSON type, null included', () => {
    expect(compareShape(sample, { ...same, quantity: '7', autoRenewEnabled: null, links: [] })).toEqual([
      '$.quantity: expected number, got string',
      '$.autoRenewEnabled: expected boolean, got null',
      '$.links: expected object, got array',
    ]);
  });

  it('lets null in the sample match anything', () => {
    expect(compareShape(sample, { ...same, parentSubscriptionId: { any: 'thing' } })).toEqual([]);
    expect(compareShape(null, 'anything')).toEqual([]);
  });

  it('compares each element of an array with what the sample\'s elements have in common', () => {
    const list = { items: [{ id: 'a', etag: 'e', lineItems: [{ n: 0 }] }, { id: 'b', lineItems: [{ n: 1, extra: 'x' }] }] };
    expect(compareShape(list, { items: [{ id: 'c', lineItems: [{ n: 2 }] }, { id: 'd', lineItems: [{ m: 3 }] }] })).toEqual(['$.items[1].lineItems[0].n: missing']);
    expect(compareShape(list, { items: [{ id: 1, lineItems: [] }] })).toEqual([
      '$.items[0].id: expected string, got number',
      '$.items[0].lineItems: empty, so its elements could not be compared with the sample\'s',
    ]);
    expect(compareShape({ states: { value: ['AK', 'AL'] } }, { states: { value: ['WA', 3] } })).toEqual(['$.states.value[1]: expected string, got number']);
  });

  it('accepts any array where the sample\'s is empty', () => {
    expect(compareShape({ headers: [] }, { headers: [1, 'x'] })).toEqual([]);
  });

  it('skips exactly the paths it is told to (and what is under them), [*] standing for any index', () => {
    const list = { items: [{ id: 'a', links: { sku: { uri: '/s' } }, userCredentials: { userName: 'admin' } }] };
    const ours = { items: [{ id: 'b', links: {} }] };
    expect(compareShape(list, ours)).toEqual(['$.items[0].links.sku: missing', '$.items[0].userCredentials: missing']);
    expect(compareShape(list, ours, { skip: ['$.items[*].links.sku'] })).toEqual(['$.items[0].userCredentials: missing']);
    expect(compareShape(list, ours, { skip: ['$.items[*].links.sku', '$.items[*].userCredentials'] })).toEqual([]);
    expect(compareShape(list, ours, { skip: ['$.items[*].links.s'] })).toEqual(['$.items[0].links.sku: missing', '$.items[0].userCredentials: missing']);
  });
});

describe('commonShape', () => {
  it('keeps the properties every element has, nested, and null where the elements\' types disagree', () => {
    expect(commonShape([{ a: 1, b: { c: 'x', d: true }, e: 'x' }, { a: 2, b: { c: 'y' }, e: 5 }])).toEqual({ a: 1, b: { c: 'x' }, e: null });
    expect(commonShape([])).toBeUndefined();
  });
});
