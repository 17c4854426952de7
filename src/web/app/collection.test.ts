import { describe, expect, it } from 'vitest';
import { resolveLinkUri } from './collection.ts';

describe('resolveLinkUri', () => {
  it('reads a Partner Center link relative to the v1 API root', () => {
    expect(resolveLinkUri('/customers?size=50&seekOperation=Next')).toBe('/v1/customers?size=50&seekOperation=Next');
    expect(resolveLinkUri('customers?seekOperation=Next')).toBe('/v1/customers?seekOperation=Next');
  });

  it('takes a full path or URL as it is, on this origin', () => {
    expect(resolveLinkUri('/v1/customers?seekOperation=Next')).toBe('/v1/customers?seekOperation=Next');
    expect(resolveLinkUri('https://partnerdesk.example/v1/customers?seekOperation=Next')).toBe('/v1/customers?seekOperation=Next');
  });
});
