import { describe, expect, it } from 'vitest';
import { checkEmail, isOnDomain, isValidEmailAddress, normalizeEmail, validateEmail } from './email.ts';

const codes = (input: string | null | undefined, policy = {}) => validateEmail(input, policy).map((e) => e.code);

describe('isValidEmailAddress', () => {
  it.each([
    'ann@contoso.com',
    'Ann.Lee@Contoso.COM',
    'ann+billing@mail.contoso.co.uk',
    "o'brien@example.ie",
    'a@b.io',
    'user@xn--fiqs8s.xn--fiqz9s',
    'first_last-1@sub-domain.example.org',
  ])('accepts %j', (input) => {
    expect(isValidEmailAddress(input)).toBe(true);
  });

  it.each([
    'ann',
    'ann@',
    '@contoso.com',
    'ann@contoso',
    'ann@contoso.c',
    'ann@contoso.123',
    'ann lee@contoso.com',
    'ann@con toso.com',
    'ann@@contoso.com',
    'ann@lee@contoso.com',
    '.ann@contoso.com',
    'ann.@contoso.com',
    'an..n@contoso.com',
    'ann@-contoso.com',
    'ann@contoso-.com',
    'ann@contoso..com',
    '"ann"@contoso.com',
    'ann@[192.168.0.1]',
    'ann@bücher.de',
    `${'a'.repeat(65)}@contoso.com`,
  ])('refuses %j', (input) => {
    expect(isValidEmailAddress(input)).toBe(false);
  });
});

describe('checkEmail', () => {
  it('stores the address trimmed, with the domain in lower case', () => {
    expect(normalizeEmail('  Ann.Lee@Contoso.COM ')).toBe('Ann.Lee@contoso.com');
    expect(checkEmail(' Ann@Contoso.com ')).toEqual({ ok: true, value: 'Ann@contoso.com' });
  });

  it.each(['', '  ', null, undefined])('requires an address (%j)', (input) => {
    expect(codes(input)).toEqual(['email_required']);
  });

  it('refuses more than 254 characters', () => {
    expect(codes(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`)).toEqual(['email_too_long']);
  });

  it('refuses an invalid address with a hint', () => {
    expect(validateEmail('ann at contoso')).toEqual([
      { field: 'email', code: 'email_invalid', message: 'Enter an email address such as name@example.com, without spaces.' },
    ]);
  });

  it("refuses the partner's own domains and their subdomains", () => {
    const policy = { partnerDomains: ['partner.example', 'Reseller.COM'] };
    expect(codes('ann@partner.example', policy)).toEqual(['email_partner_domain']);
    expect(codes('ann@mail.partner.example', policy)).toEqual(['email_partner_domain']);
    expect(codes('ann@RESELLER.com', policy)).toEqual(['email_partner_domain']);
    expect(codes('ann@notpartner.example', policy)).toEqual([]);
    expect(codes('ann@partner.example.org', policy)).toEqual([]);
  });

  it('refuses domains the operator reserves', () => {
    const policy = { reservedDomains: ['onmicrosoft.com'] };
    expect(codes('admin@contoso.onmicrosoft.com', policy)).toEqual(['email_reserved_domain']);
    expect(validateEmail('admin@contoso.onmicrosoft.com', policy)[0]?.message).toBe(
      'Addresses at onmicrosoft.com cannot be used; enter another address of the customer.',
    );
  });
});

describe('isOnDomain', () => {
  it.each([
    ['contoso.com', 'contoso.com', true],
    ['mail.contoso.com', 'contoso.com', true],
    ['MAIL.CONTOSO.COM', '@Contoso.com', true],
    ['notcontoso.com', 'contoso.com', false],
    ['contoso.com', '', false],
  ])('%s on %s: %s', (domain, parent, expected) => {
    expect(isOnDomain(domain, parent)).toBe(expected);
  });
});
