import { describe, expect, it } from 'vitest';
import { fullDomain, normalizeDomainPrefix, parseDomain, validateDomainPrefix } from './domain-prefix.ts';

const codes = (input: string | null | undefined) => validateDomainPrefix(input).map((e) => e.code);

describe('validateDomainPrefix', () => {
  it.each(['contoso', 'Contoso', 'CONTOSO2025', 'a', '1', 'a'.repeat(27), ' contoso '])('accepts %j', (input) => {
    expect(validateDomainPrefix(input)).toEqual([]);
  });

  it.each(['', '   ', null, undefined])('requires a prefix (%j)', (input) => {
    expect(codes(input)).toEqual(['domain_prefix_required']);
  });

  it('refuses more than 27 characters', () => {
    const [error] = validateDomainPrefix('a'.repeat(28));
    expect(error).toEqual({
      field: 'domain',
      code: 'domain_prefix_too_long',
      message: 'The domain prefix has 28 characters; shorten it to 27 or fewer.',
    });
  });

  it.each(['contoso-ltd', 'contoso.com', 'con toso', 'café', 'contoso_1', '東京'])('refuses %j (not letters and digits)', (input) => {
    expect(codes(input)).toEqual(['domain_prefix_invalid']);
  });

  it('names the characters to remove', () => {
    expect(validateDomainPrefix('con-to so')[0]?.message).toBe(
      'The domain prefix can contain only letters a–z and digits 0–9; remove "-", spaces.',
    );
  });

  it('reports both length and characters', () => {
    expect(codes(`${'a'.repeat(27)}-`)).toEqual(['domain_prefix_too_long', 'domain_prefix_invalid']);
  });

  it('uses the field name given', () => {
    expect(validateDomainPrefix('', 'companyProfile.domain')[0]?.field).toBe('companyProfile.domain');
  });
});

describe('normalizeDomainPrefix and fullDomain', () => {
  it('stores lower case', () => {
    expect(normalizeDomainPrefix(' ConToso ')).toBe('contoso');
    expect(fullDomain('Contoso', 'onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(fullDomain('fabrikam', 'OnMicrosoft.US')).toBe('fabrikam.onmicrosoft.us');
  });
});

describe('parseDomain', () => {
  it('returns the prefix of a full domain', () => {
    expect(parseDomain('Contoso.OnMicrosoft.com', 'onmicrosoft.com')).toEqual({ ok: true, value: 'contoso' });
    expect(parseDomain('contoso.onmicrosoft.com.', 'onmicrosoft.com')).toEqual({ ok: true, value: 'contoso' });
  });

  it('refuses another suffix', () => {
    const result = parseDomain('contoso.onmicrosoft.us', 'onmicrosoft.com');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'domain_suffix_mismatch' })] });
  });

  it('refuses a dotted prefix', () => {
    const result = parseDomain('a.contoso.onmicrosoft.com', 'onmicrosoft.com');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'domain_invalid' })] });
  });

  it('applies the prefix rules', () => {
    expect(parseDomain('con-toso.onmicrosoft.com', 'onmicrosoft.com')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'domain_prefix_invalid' })],
    });
    expect(parseDomain('.onmicrosoft.com', 'onmicrosoft.com')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'domain_prefix_required' })],
    });
    expect(parseDomain('', 'onmicrosoft.com')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'domain_prefix_required' })],
    });
  });
});
