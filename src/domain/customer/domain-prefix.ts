/**
 * Domain prefix (SPEC §4): 1–27 characters, letters and digits only, case-insensitive, stored lower
 * case. The full domain is `<prefix>.<suffix>`, the suffix fixed by the cloud instance.
 */
import type { FieldError } from '../errors.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const DOMAIN_PREFIX_MAX_LENGTH = 27;

export const domainPrefixErrorCodes = [
  'domain_prefix_required',
  'domain_prefix_too_long',
  'domain_prefix_invalid',
  'domain_invalid',
  'domain_suffix_mismatch',
] as const;

export function normalizeDomainPrefix(input: string): string {
  return input.trim().toLowerCase();
}

/** Checks the prefix as typed (any case); blanks around it are ignored. */
export function validateDomainPrefix(input: string | null | undefined, field = 'domain'): FieldError[] {
  const prefix = normalizeDomainPrefix(input ?? '');
  if (prefix === '') {
    return [fieldError(field, 'domain_prefix_required', 'Enter a domain prefix, such as contoso.')];
  }
  const errors: FieldError[] = [];
  if (prefix.length > DOMAIN_PREFIX_MAX_LENGTH) {
    errors.push(
      fieldError(
        field,
        'domain_prefix_too_long',
        `The domain prefix has ${prefix.length} characters; shorten it to ${DOMAIN_PREFIX_MAX_LENGTH} or fewer.`,
      ),
    );
  }
  const others = [...new Set(prefix.replace(/[a-z0-9]/g, ''))];
  if (others.length > 0) {
    const shown = others.map((ch) => (ch === ' ' ? 'spaces' : `"${ch}"`)).join(', ');
    errors.push(
      fieldError(
        field,
        'domain_prefix_invalid',
        `The domain prefix can contain only letters a–z and digits 0–9; remove ${shown}.`,
      ),
    );
  }
  return errors;
}

/** `Contoso`, `onmicrosoft.com` → `contoso.onmicrosoft.com`. The prefix must be valid. */
export function fullDomain(prefix: string, suffix: string): string {
  return `${normalizeDomainPrefix(prefix)}.${suffix.trim().toLowerCase()}`;
}

/**
 * The prefix of a full domain under the instance's suffix: `Contoso.onmicrosoft.com` → `contoso`.
 * Used where the API takes the whole domain (`companyProfile.domain`, `HEAD /v1/domains/{domain}`).
 */
export function parseDomain(domain: string | null | undefined, suffix: string, field = 'domain'): RuleResult<string> {
  const full = (domain ?? '').trim().toLowerCase().replace(/\.$/, '');
  const tail = `.${suffix.trim().toLowerCase()}`;
  if (full === '') return fail(fieldError(field, 'domain_prefix_required', `Enter a domain, such as contoso${tail}.`));
  if (!full.endsWith(tail)) {
    return fail(fieldError(field, 'domain_suffix_mismatch', `The domain must end with ${tail}, as in contoso${tail}.`));
  }
  const prefix = full.slice(0, -tail.length);
  if (prefix.includes('.')) {
    return fail(
      fieldError(field, 'domain_invalid', `Use a single name before ${tail}, such as contoso${tail}, without dots.`),
    );
  }
  const errors = validateDomainPrefix(prefix, field);
  return errors.length > 0 ? fail(...errors) : ok(prefix);
}
