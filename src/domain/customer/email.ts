/**
 * Email address (SPEC §4): a valid address, not on the partner's own email domains (a customer's
 * contact is never the partner's staff), not on a domain the operator reserves. Subdomains count:
 * `mail.contoso.com` is on `contoso.com`.
 *
 * "Valid" is a sane subset of RFC 5322 that real mailboxes use: no quotes, comments or IP literals;
 * ASCII only (internationalised domains must be given in their xn-- form).
 */
import type { FieldError } from '../errors.ts';
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const EMAIL_MAX_LENGTH = 254;

export const emailErrorCodes = [
  'email_required',
  'email_invalid',
  'email_too_long',
  'email_partner_domain',
  'email_reserved_domain',
] as const;

const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const topLevelDomain = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && domain.length <= 253 && labels.every((label) => domainLabel.test(label)) && topLevelDomain.test(tld);
}

/** Trimmed, with the domain in lower case (the local part is the mailbox owner's to spell). */
export function normalizeEmail(input: string): string {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

export function isValidEmailAddress(input: string): boolean {
  const email = normalizeEmail(input);
  const parts = email.split('@');
  if (parts.length !== 2 || email.length > EMAIL_MAX_LENGTH) return false;
  const [local = '', domain = ''] = parts;
  return local.length <= 64 && localPart.test(local) && isValidDomain(domain);
}

export function emailDomain(email: string): string {
  return normalizeEmail(email).split('@').pop() ?? '';
}

/** True when `domain` is `parent` or one of its subdomains; both compared in lower case. */
export function isOnDomain(domain: string, parent: string): boolean {
  const child = domain.toLowerCase().replace(/\.$/, '');
  const base = parent.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return base !== '' && (child === base || child.endsWith(`.${base}`));
}

export type EmailPolicy = {
  /** The partner organisation's own email domains. */
  partnerDomains?: readonly string[];
  /** Domains the operator reserves (its own, the instance's tenant suffix, ...). */
  reservedDomains?: readonly string[];
};

export function checkEmail(input: string | null | undefined, policy: EmailPolicy = {}, field = 'email'): RuleResult<string> {
  const email = normalizeEmail(input ?? '');
  if (email === '') return fail(fieldError(field, 'email_required', 'Enter an email address, such as name@example.com.'));
  if (email.length > EMAIL_MAX_LENGTH) {
    return fail(
      fieldError(field, 'email_too_long', `The email address has ${email.length} characters; the most is ${EMAIL_MAX_LENGTH}.`),
    );
  }
  if (!isValidEmailAddress(email)) {
    return fail(
      fieldError(field, 'email_invalid', 'Enter an email address such as name@example.com, without spaces.'),
    );
  }
  const domain = emailDomain(email);
  const partnerDomain = policy.partnerDomains?.find((parent) => isOnDomain(domain, parent));
  if (partnerDomain !== undefined) {
    return fail(
      fieldError(
        field,
        'email_partner_domain',
        `Addresses at ${partnerDomain} belong to your organization; enter an address of the customer.`,
      ),
    );
  }
  const reserved = policy.reservedDomains?.find((parent) => isOnDomain(domain, parent));
  if (reserved !== undefined) {
    return fail(
      fieldError(field, 'email_reserved_domain', `Addresses at ${reserved} cannot be used; enter another address of the customer.`),
    );
  }
  return ok(email);
}

export function validateEmail(input: string | null | undefined, policy: EmailPolicy = {}, field = 'email'): FieldError[] {
  const result = checkEmail(input, policy, field);
  return result.ok ? [] : result.errors;
}
