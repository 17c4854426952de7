import { describe, expect, it } from 'vitest';
import { currencySymbol } from './currency.ts';

describe('currencySymbol', () => {
  it('is the symbol of the currency, with its country where other dollars share it', () => {
    expect(currencySymbol('USD')).toBe('$');
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol('GBP')).toBe('£');
    expect(currencySymbol('TWD')).toBe('NT$');
  });

  it('is the code for a currency without a symbol or a malformed code', () => {
    expect(currencySymbol('CHF')).toBe('CHF');
    expect(currencySymbol('dollars')).toBe('dollars');
  });
});
