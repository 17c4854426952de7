/**
 * A customer's users as its partner supports them (Partner Center's CustomerUser): the rules of a user
 * principal name, a display name, a password a partner chooses, and the directory roles a user holds.
 * No I/O.
 */
import { normalizeCountry } from './countries/country-rules.ts';
import type { FieldError } from './errors.ts';
import { plainTextErrors } from './customer/plain-text.ts';

/**
 * The directory roles Partnerdesk knows, by their Azure AD role template id (the id Partner Center's
 * `GET .../directoryroles` answers for each). The customer's admin holds Global Administrator.
 */
export const directoryRoles = [
  { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  { id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', name: 'Billing Administrator' },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', name: 'License Administrator' },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
] as const;
export const GLOBAL_ADMINISTRATOR_ROLE_ID = directoryRoles[0].id;

export function directoryRoleName(id: string): string | undefined {
  return directoryRoles.find((role) => role.id === id)?.name;
}

/** Azure AD's characters of a user name (the part before @): letters, digits and ' . - _ ! # ^ ~. */
const LOCAL_PART = /^[A-Za-z0-9'._\-!#^~]+$/;
export const USER_NAME_MAX_LENGTH = 64;
export const DISPLAY_NAME_MAX_LENGTH = 256;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export interface NewCustomerUserInput {
  userPrincipalName: string;
  displayName: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  usageLocation?: string | null | undefined;
}

export interface NewCustomerUser {
  userPrincipalName: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  usageLocation: string;
}

const fieldError = (field: string, code: string, message: string): FieldError => ({ field, code, message });
const clean = (value: string | null | undefined) => {
  const text = (value ?? '').trim().replace(/\s+/g, ' ');
  return text === '' ? null : text;
};

/**
 * The user principal name: `name@<the customer's domain>` (ours: Partner Center also takes the
 * customer's other verified domains; a Partnerdesk customer has one). A name without @ gets the domain.
 */
export function checkUserPrincipalName(input: string, customerDomain: string, field = 'userPrincipalName'): { ok: true; value: string } | { ok: false; errors: FieldError[] } {
  const text = input.trim();
  const at = text.lastIndexOf('@');
  const local = at === -1 ? text : text.slice(0, at);
  const domain = at === -1 ? customerDomain : text.slice(at + 1).toLowerCase();
  if (local === '') return { ok: false, errors: [fieldError(field, 'user_name_required', `Enter a user name, such as alex@${customerDomain}.`)] };
  if (domain !== customerDomain.toLowerCase()) {
    return { ok: false, errors: [fieldError(field, 'user_domain_invalid', `The user name must end in @${customerDomain}, the customer's domain.`)] };
  }
  if (local.length > USER_NAME_MAX_LENGTH) {
    return { ok: false, errors: [fieldError(field, 'user_name_too_long', `The part before @ has ${local.length} characters; the most is ${USER_NAME_MAX_LENGTH}.`)] };
  }
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, errors: [fieldError(field, 'user_name_invalid', "Use letters, digits and . - _ ' ! # ^ ~ before the @, without a dot at either end or two dots together.")] };
  }
  return { ok: true, value: `${local}@${customerDomain.toLowerCase()}` };
}

/** A new user's fields, checked; the usage location defaults to the customer's country. */
export function checkNewCustomerUser(input: NewCustomerUserInput, customer: { domain: string; country: string }): { ok: true; value: NewCustomerUser } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = plainTextErrors([
    { field: 'displayName', label: 'the display name', value: input.displayName, kind: 'line' },
    { field: 'firstName', label: 'the first name', value: input.firstName, kind: 'line' },
    { field: 'lastName', label: 'the last name', value: input.lastName, kind: 'line' },
    { field: 'userPrincipalName', label: 'the user name', value: input.userPrincipalName, kind: 'code' },
  ]);
  if (errors.length > 0) return { ok: false, errors };
  const upn = checkUserPrincipalName(input.userPrincipalName, customer.domain);
  if (!upn.ok) errors.push(...upn.errors);
  const displayName = clean(input.displayName);
  if (displayName === null) errors.push(fieldError('displayName', 'display_name_required', 'Enter the name people see, such as Alex Chen.'));
  else if (displayName.length > DISPLAY_NAME_MAX_LENGTH) errors.push(fieldError('displayName', 'display_name_too_long', `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`));
  const usage = checkUsageLocation(input.usageLocation, customer.country);
  if (!usage.ok) errors.push(...usage.errors);
  if (!upn.ok || displayName === null || !usage.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { userPrincipalName: upn.value, displayName, firstName: clean(input.firstName), lastName: clean(input.lastName), usageLocation: usage.value } };
}

/** Where the user uses its licenses (ISO 3166 alpha-2): licenses are assigned only with one (Partner Center). */
export function checkUsageLocation(input: string | null | undefined, fallback: string, field = 'usageLocation'): { ok: true; value: string } | { ok: false; errors: FieldError[] } {
  const text = clean(input);
  if (text === null) return { ok: true, value: fallback };
  const country = normalizeCountry(text);
  if (!country) return { ok: false, errors: [fieldError(field, 'usage_location_invalid', `usageLocation ${text} is not a country code; send two letters such as US or TW.`)] };
  return { ok: true, value: country };
}

/**
 * A password the partner chooses for a user: Azure AD's rule, 8 to 256 characters with three of
 * upper case, lower case, digits and symbols.
 */
export function checkChosenPassword(password: string, field = 'passwordProfile.password'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    return [fieldError(field, 'password_length', `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`)];
  }
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return [fieldError(field, 'password_weak', 'Use three of: upper-case letters, lower-case letters, digits, symbols.')];
  return [];
}
