import { describe, expect, it } from 'vitest';
import { billingCycleFitsTerm, chooseTerm, termCatalogErrors, termEnd, termOptions } from './terms.ts';

const fields = { termField: 'lineItems.0.termDuration', billingCycleField: 'lineItems.0.billingCycle' };

describe('billingCycleFitsTerm', () => {
  it('bills a one-month term monthly, never annually; a year or three annually or monthly', () => {
    expect(billingCycleFitsTerm('monthly', 'P1M')).toBe(true);
    expect(billingCycleFitsTerm('annual', 'P1M')).toBe(false);
    expect(billingCycleFitsTerm('annual', 'P1Y')).toBe(true);
    expect(billingCycleFitsTerm('annual', 'P3Y')).toBe(true);
    expect(billingCycleFitsTerm('annual', 'none')).toBe(false);
    expect(billingCycleFitsTerm('none', 'P1M')).toBe(true);
  });
});

describe('termOptions', () => {
  it('keeps the catalog order (the usual term first) and gives each term the cycles that fit it', () => {
    expect(termOptions(['P1Y', 'P1M', 'P3Y'], ['monthly', 'annual'])).toEqual([
      { duration: 'P1Y', billingCycles: ['monthly', 'annual'] },
      { duration: 'P1M', billingCycles: ['monthly'] },
      { duration: 'P3Y', billingCycles: ['monthly', 'annual'] },
    ]);
  });

  it('lists a term once', () => {
    expect(termOptions(['P1M', 'P1M'], ['none'])).toEqual([{ duration: 'P1M', billingCycles: ['none'] }]);
  });
});

describe('termCatalogErrors', () => {
  it('refuses a term that none of the cycles can bill, naming it', () => {
    expect(termCatalogErrors(['P1Y', 'P1M'], ['annual'], 'terms')).toEqual([expect.objectContaining({ field: 'terms.1', code: 'term_not_billable' })]);
    expect(termCatalogErrors(['P1M'], ['annual'], 'term')).toEqual([expect.objectContaining({ field: 'term' })]);
    expect(termCatalogErrors(['P1Y', 'P1M'], ['monthly', 'annual'], 'terms')).toEqual([]);
  });
});

describe('chooseTerm', () => {
  const options = termOptions(['P1Y', 'P1M'], ['monthly', 'annual']);

  it('defaults to the usual term and its first cycle', () => {
    expect(chooseTerm(options, fields)).toEqual({ ok: true, value: { termDuration: 'P1Y', billingCycle: 'monthly' } });
    expect(chooseTerm(options, { ...fields, termDuration: null, billingCycle: '' })).toEqual({ ok: true, value: { termDuration: 'P1Y', billingCycle: 'monthly' } });
  });

  it('takes a term and cycle the offer has', () => {
    expect(chooseTerm(options, { ...fields, termDuration: 'P1Y', billingCycle: 'annual' })).toEqual({ ok: true, value: { termDuration: 'P1Y', billingCycle: 'annual' } });
    expect(chooseTerm(options, { ...fields, termDuration: 'P1M' })).toEqual({ ok: true, value: { termDuration: 'P1M', billingCycle: 'monthly' } });
  });

  it('finds the term for a cycle asked without one', () => {
    expect(chooseTerm(termOptions(['P1M', 'P1Y'], ['monthly', 'annual']), { ...fields, billingCycle: 'annual' })).toEqual({ ok: true, value: { termDuration: 'P1Y', billingCycle: 'annual' } });
  });

  it('refuses a term the offer does not have, at the term field', () => {
    const result = chooseTerm(options, { ...fields, termDuration: 'P3Y' });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'lineItems.0.termDuration', code: 'term_not_offered' })] });
    if (!result.ok) expect(result.errors[0]?.message).toContain('P1Y or P1M');
  });

  it('refuses a cycle the term cannot be billed at, at the cycle field', () => {
    expect(chooseTerm(options, { ...fields, termDuration: 'P1M', billingCycle: 'annual' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'lineItems.0.billingCycle', code: 'billing_cycle_not_supported' })],
    });
    expect(chooseTerm(options, { ...fields, billingCycle: 'one_time' })).toMatchObject({ ok: false, errors: [{ field: 'lineItems.0.billingCycle' }] });
  });
});

describe('termEnd', () => {
  it('ends a commitment a month, a year or three years on; no term, no end', () => {
    const start = new Date('2026-01-31T10:00:00Z');
    expect(termEnd(start, 'P1Y')?.toISOString()).toBe('2027-01-31T10:00:00.000Z');
    expect(termEnd(start, 'P3Y')?.toISOString()).toBe('2029-01-31T10:00:00.000Z');
    expect(termEnd(new Date('2026-03-15T00:00:00Z'), 'P1M')?.toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(termEnd(start, 'none')).toBeNull();
  });
});
