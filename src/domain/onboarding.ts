/**
 * The whole customer of the add-customer procedure (SPEC §3–§4), checked field by field with the
 * rules in ./customer/, errors reported at the request's own paths
 * (`billingProfile.defaultAddress.postalCode`) so that a form shows each at its field.
 */
import { getCountryRules, normalizeCountry } from './countries/country-rules.ts';
import type { FieldError } from './errors.ts';
import { plainTextErrors, withPlainTextErrors, type TextField } from './customer/plain-text.ts';
import {
  checkAgreementDate,
  checkCultureAndLanguage,
  checkEmail,
  checkPersonName,
  checkPhone,
  checkRegistrationNumber,
  errorsOf,
  fullDomain,
  parseDomain,
  validateAddress,
  validateDomainPrefix,
  validateCompanyName,
  type PostalAddress,
  type RuleResult,
} from './customer-rules.ts';

export interface CustomerDetailsInput {
  companyProfile: { companyName?: string | null; domain: string; organizationRegistrationNumber?: string | null };
  billingProfile: {
    email: string;
    culture?: string | null;
    language?: string | null;
    companyName?: string | null;
    defaultAddress: {
      firstName: string;
      lastName: string;
      addressLine1: string;
      addressLine2?: string | null;
      addressLine3?: string | null;
      city?: string | null;
      state?: string | null;
      postalCode?: string | null;
      country: string;
      phoneNumber?: string | null;
    };
  };
}

export interface CustomerRulesContext {
  /** The instance's tenant domain suffix (`onmicrosoft.com`). */
  domainSuffix: string;
  /** The partner's own email domains: a customer's contact is not on them. */
  partnerEmailDomains: readonly string[];
  /** Domains the operator reserves. */
  reservedEmailDomains: readonly string[];
}

export interface CustomerDetails {
  companyName: string;
  domain: string;
  organizationRegistrationNumber: string | null;
  email: string;
  culture: string;
  language: string;
  firstName: string;
  lastName: string;
  address: PostalAddress;
  phoneNumber: string | null;
}

export type Checked<T> = { ok: true; value: T; warnings: FieldError[] } | { ok: false; errors: FieldError[]; warnings: FieldError[] };

const P = {
  companyName: 'billingProfile.companyName',
  domain: 'companyProfile.domain',
  registration: 'companyProfile.organizationRegistrationNumber',
  email: 'billingProfile.email',
  culture: 'billingProfile.culture',
  language: 'billingProfile.language',
  address: 'billingProfile.defaultAddress',
} as const;

/**
 * Partner Center takes the company name from the billing profile; the company profile's is a fallback.
 * An error is reported where the name checked came from, and a missing name where it belongs.
 */
function companyNameOf(input: CustomerDetailsInput): { field: string; value: string | null | undefined } {
  const fromCompanyProfile = input.billingProfile.companyName == null && input.companyProfile.companyName != null;
  return { field: fromCompanyProfile ? 'companyProfile.companyName' : P.companyName, value: input.billingProfile.companyName ?? input.companyProfile.companyName };
}

/** Every text field of a new customer, for the odd-character rule (#domain/text.ts). */
function customerTextFields(input: CustomerDetailsInput): TextField[] {
  const address = input.billingProfile.defaultAddress;
  const at = (name: keyof typeof address) => `${P.address}.${name}`;
  const companyName = companyNameOf(input);
  return [
    { field: companyName.field, label: 'the company name', value: companyName.value, kind: 'line' },
    { field: P.domain, label: 'the domain', value: input.companyProfile.domain, kind: 'code' },
    { field: P.registration, label: 'the registration number', value: input.companyProfile.organizationRegistrationNumber, kind: 'code' },
    { field: P.email, label: 'the email address', value: input.billingProfile.email, kind: 'code' },
    { field: at('firstName'), label: 'the first name', value: address.firstName, kind: 'line' },
    { field: at('lastName'), label: 'the last name', value: address.lastName, kind: 'line' },
    { field: at('addressLine1'), label: 'address line 1', value: address.addressLine1, kind: 'line' },
    { field: at('addressLine2'), label: 'address line 2', value: address.addressLine2, kind: 'line' },
    { field: at('addressLine3'), label: 'address line 3', value: address.addressLine3, kind: 'line' },
    { field: at('city'), label: 'the city', value: address.city, kind: 'line' },
    { field: at('state'), label: 'the state or province', value: address.state, kind: 'line' },
    { field: at('postalCode'), label: 'the postal code', value: address.postalCode, kind: 'code' },
    { field: at('phoneNumber'), label: 'the phone number', value: address.phoneNumber, kind: 'code' },
  ];
}

/** A check whose fields holding an odd character (bidi controls, invisible, control characters, line breaks) fail with that alone. */
function refusingOddText<T>(checked: Checked<T>, fields: TextField[]): Checked<T> {
  const textErrors = plainTextErrors(fields);
  if (textErrors.length === 0) return checked;
  return { ok: false, errors: withPlainTextErrors(checked.ok ? [] : checked.errors, textErrors), warnings: checked.warnings };
}

/** Checks every field of a new customer; the values returned are normalised for storage. */
export function checkCustomerDetails(input: CustomerDetailsInput, context: CustomerRulesContext): Checked<CustomerDetails> {
  return refusingOddText(checkCustomerFields(input, context), customerTextFields(input));
}

function checkCustomerFields(input: CustomerDetailsInput, context: CustomerRulesContext): Checked<CustomerDetails> {
  const address = input.billingProfile.defaultAddress;
  const errors: FieldError[] = [];

  const companyName = companyNameOf(input);
  const company = validateCompanyName(companyName.value, companyName.field);
  errors.push(...company.errors);

  const domain = resolveDomain(input.companyProfile.domain, context.domainSuffix, P.domain);
  errors.push(...errorsOf(domain));

  const country = normalizeCountry(address.country ?? '');
  const rules = country ? getCountryRules(country) : undefined;
  if (!country || !rules) {
    errors.push({ field: `${P.address}.country`, code: 'country_invalid', message: 'Choose a country or region (an ISO code such as US).' });
    return { ok: false, errors, warnings: company.warnings };
  }

  const postal = validateAddress(address, rules, P.address);
  const email = checkEmail(input.billingProfile.email, { partnerDomains: context.partnerEmailDomains, reservedDomains: context.reservedEmailDomains }, P.email);
  const firstName = checkPersonName(address.firstName, 'first', `${P.address}.firstName`);
  const lastName = checkPersonName(address.lastName, 'last', `${P.address}.lastName`);
  const phone = checkPhone(address.phoneNumber, country, `${P.address}.phoneNumber`);
  const registration = checkRegistrationNumber(input.companyProfile.organizationRegistrationNumber, country, P.registration);
  const { culture, language } = checkCultureAndLanguage(input.billingProfile, country, { culture: P.culture, language: P.language });
  for (const result of [postal, email, firstName, lastName, phone, registration, culture, language]) errors.push(...errorsOf(result));

  if (errors.length > 0 || !domain.ok || !postal.ok || !email.ok || !firstName.ok || !lastName.ok || !phone.ok || !registration.ok || !culture.ok || !language.ok) {
    return { ok: false, errors, warnings: company.warnings };
  }
  return {
    ok: true,
    warnings: company.warnings,
    value: {
      companyName: company.value,
      domain: domain.value,
      organizationRegistrationNumber: registration.value,
      email: email.value,
      culture: culture.value,
      language: language.value,
      firstName: firstName.value,
      lastName: lastName.value,
      address: postal.value,
      phoneNumber: phone.value,
    },
  };
}

/**
 * The full domain from what a form or client sends: the prefix alone (`contoso`, as the portal asks
 * for it) or the whole domain under the instance's suffix (`contoso.onmicrosoft.com`, as Partner
 * Center clients send it). Stored lower case.
 */
export function resolveDomain(input: string | null | undefined, suffix: string, field: string): RuleResult<string> {
  const text = (input ?? '').trim();
  if (!text.includes('.')) {
    const errors = validateDomainPrefix(text, field);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: fullDomain(text, suffix) };
  }
  const prefix = parseDomain(text, suffix, field);
  return prefix.ok ? { ok: true, value: fullDomain(prefix.value, suffix) } : prefix;
}

export interface SignerInput { firstName: string; lastName: string; email: string; phoneNumber?: string | null }
export interface Signer { firstName: string; lastName: string; email: string; phoneNumber: string | null }

/**
 * The agreement signer and date. The phone is optional and, when given, checked for the customer's
 * country (any valid international number otherwise).
 */
export function checkAgreementConfirmation(
  input: { dateAgreed: string; primaryContact: SignerInput },
  options: { now: Date; country?: string | undefined; fieldPrefix: string },
): Checked<{ dateAgreed: Date; signer: Signer }> {
  const at = (name: string) => (options.fieldPrefix ? `${options.fieldPrefix}.${name}` : name);
  const contact = input.primaryContact;
  return refusingOddText(checkSigner(input, options), [
    { field: at('primaryContact.firstName'), label: "the signer's first name", value: contact.firstName, kind: 'line' },
    { field: at('primaryContact.lastName'), label: "the signer's last name", value: contact.lastName, kind: 'line' },
    { field: at('primaryContact.email'), label: "the signer's email address", value: contact.email, kind: 'code' },
    { field: at('primaryContact.phoneNumber'), label: "the signer's phone number", value: contact.phoneNumber, kind: 'code' },
  ]);
}

function checkSigner(
  input: { dateAgreed: string; primaryContact: SignerInput },
  options: { now: Date; country?: string | undefined; fieldPrefix: string },
): Checked<{ dateAgreed: Date; signer: Signer }> {
  const at = (name: string) => (options.fieldPrefix ? `${options.fieldPrefix}.${name}` : name);
  const date = checkAgreementDate(input.dateAgreed, options.now, at('dateAgreed'));
  const firstName = checkPersonName(input.primaryContact.firstName, 'first', at('primaryContact.firstName'));
  const lastName = checkPersonName(input.primaryContact.lastName, 'last', at('primaryContact.lastName'));
  const email = checkEmail(input.primaryContact.email, {}, at('primaryContact.email'));
  const phoneInput = input.primaryContact.phoneNumber?.trim() ? input.primaryContact.phoneNumber : null;
  const phone = phoneInput ? checkPhone(phoneInput, options.country ?? 'US', at('primaryContact.phoneNumber')) : ({ ok: true, value: null } as const);
  const errors = [date, firstName, lastName, email, phone].flatMap(errorsOf);
  if (!date.ok || !firstName.ok || !lastName.ok || !email.ok || !phone.ok) return { ok: false, errors, warnings: [] };
  return {
    ok: true,
    warnings: [],
    value: { dateAgreed: date.value, signer: { firstName: firstName.value, lastName: lastName.value, email: email.value, phoneNumber: phone.value } },
  };
}

/** A customer's billing profile as its partner edits it (PUT .../profiles/billing): Partner Center's field names. */
export interface BillingProfileInput {
  email: string;
  culture?: string | null;
  language?: string | null;
  companyName?: string | null;
  firstName: string;
  lastName: string;
  defaultAddress: Omit<CustomerDetailsInput['billingProfile']['defaultAddress'], 'firstName' | 'lastName'>;
}

export type BillingProfileDetails = Omit<CustomerDetails, 'domain' | 'organizationRegistrationNumber'>;

/**
 * The billing profile of an existing customer, checked by the wizard's own rules (company name, email
 * not on the partner's domains, names, the country's address, phone, culture and language rules, odd
 * characters), errors at the PUT body's paths (`defaultAddress.postalCode`, `email`). The company
 * profile (domain, registration number) is read-only and not checked again.
 */
export function checkBillingProfile(input: BillingProfileInput, context: Omit<CustomerRulesContext, 'domainSuffix'>): Checked<BillingProfileDetails> {
  const address = input.defaultAddress;
  const at = (name: string) => `defaultAddress.${name}`;
  const fields: TextField[] = [
    { field: 'companyName', label: 'the company name', value: input.companyName, kind: 'line' },
    { field: 'email', label: 'the email address', value: input.email, kind: 'code' },
    { field: 'firstName', label: 'the first name', value: input.firstName, kind: 'line' },
    { field: 'lastName', label: 'the last name', value: input.lastName, kind: 'line' },
    { field: at('addressLine1'), label: 'address line 1', value: address.addressLine1, kind: 'line' },
    { field: at('addressLine2'), label: 'address line 2', value: address.addressLine2, kind: 'line' },
    { field: at('addressLine3'), label: 'address line 3', value: address.addressLine3, kind: 'line' },
    { field: at('city'), label: 'the city', value: address.city, kind: 'line' },
    { field: at('state'), label: 'the state or province', value: address.state, kind: 'line' },
    { field: at('postalCode'), label: 'the postal code', value: address.postalCode, kind: 'code' },
    { field: at('phoneNumber'), label: 'the phone number', value: address.phoneNumber, kind: 'code' },
  ];
  return refusingOddText(checkBillingFields(input, context), fields);
}

function checkBillingFields(input: BillingProfileInput, context: Omit<CustomerRulesContext, 'domainSuffix'>): Checked<BillingProfileDetails> {
  const address = input.defaultAddress;
  const company = validateCompanyName(input.companyName, 'companyName');
  const errors: FieldError[] = [...company.errors];
  const country = normalizeCountry(address.country ?? '');
  const rules = country ? getCountryRules(country) : undefined;
  if (!country || !rules) {
    errors.push({ field: 'defaultAddress.country', code: 'country_invalid', message: 'Choose a country or region (an ISO code such as US).' });
    return { ok: false, errors, warnings: company.warnings };
  }
  const postal = validateAddress(address, rules, 'defaultAddress');
  const email = checkEmail(input.email, { partnerDomains: context.partnerEmailDomains, reservedDomains: context.reservedEmailDomains }, 'email');
  const firstName = checkPersonName(input.firstName, 'first', 'firstName');
  const lastName = checkPersonName(input.lastName, 'last', 'lastName');
  const phone = checkPhone(address.phoneNumber, country, 'defaultAddress.phoneNumber');
  const { culture, language } = checkCultureAndLanguage(input, country, { culture: 'culture', language: 'language' });
  for (const result of [postal, email, firstName, lastName, phone, culture, language]) errors.push(...errorsOf(result));
  if (errors.length > 0 || !postal.ok || !email.ok || !firstName.ok || !lastName.ok || !phone.ok || !culture.ok || !language.ok) {
    return { ok: false, errors, warnings: company.warnings };
  }
  return {
    ok: true,
    warnings: company.warnings,
    value: { companyName: company.value, email: email.value, culture: culture.value, language: language.value, firstName: firstName.value, lastName: lastName.value, address: postal.value, phoneNumber: phone.value },
  };
}
