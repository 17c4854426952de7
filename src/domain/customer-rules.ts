/**
 * The rules of a customer's details (SPEC §4), one small module per field under ./customer/.
 * Each rule is a pure function that returns `FieldError[]` or a `RuleResult` with the normalised
 * value to store; every FieldError has a stable `code` (listed in `customerFieldErrorCodes`, for the
 * web's translations) and an English message that says what is wrong and how to fix it.
 */
import { addOnErrorCodes } from './customer/add-on.ts';
import { addressErrorCodes } from './customer/address.ts';
import { agreementDateErrorCodes } from './customer/agreement-date.ts';
import { companyNameErrorCodes, companyNameWarningCodes } from './customer/company-name.ts';
import { cultureErrorCodes } from './customer/culture.ts';
import { domainPrefixErrorCodes } from './customer/domain-prefix.ts';
import { emailErrorCodes } from './customer/email.ts';
import { personNameErrorCodes } from './customer/person-name.ts';
import { phoneErrorCodes } from './customer/phone.ts';
import { plainTextErrorCodes } from './customer/plain-text.ts';
import { quantityErrorCodes } from './customer/quantity.ts';
export { validatePrerequisites, type PrerequisiteCheck } from './customer/add-on.ts';
import { registrationNumberErrorCodes } from './customer/registration-number.ts';

export { errorsOf, type RuleResult } from './customer/result.ts';
export {
  DOMAIN_PREFIX_MAX_LENGTH,
  fullDomain,
  normalizeDomainPrefix,
  parseDomain,
  validateDomainPrefix,
} from './customer/domain-prefix.ts';
export {
  COMPANY_NAME_MAX_LENGTH,
  COMPANY_NAME_MIN_LENGTH,
  restrictedCompanyWords,
  validateCompanyName,
  type CompanyNameCheck,
} from './customer/company-name.ts';
export {
  PERSON_NAME_MAX_LENGTH,
  checkPersonName,
  placeholderNames,
  validatePersonName,
  type PersonNamePart,
} from './customer/person-name.ts';
export {
  EMAIL_MAX_LENGTH,
  checkEmail,
  emailDomain,
  isOnDomain,
  isValidEmailAddress,
  normalizeEmail,
  validateEmail,
  type EmailPolicy,
} from './customer/email.ts';
export {
  ADDRESS_LINE_MAX_LENGTH,
  CITY_MAX_LENGTH,
  POSTAL_CODE_MAX_LENGTH,
  STATE_MAX_LENGTH,
  checkPostalCode,
  checkState,
  validateAddress,
  type AddressInput,
  type PostalAddress,
} from './customer/address.ts';
export { checkPhone } from './customer/phone.ts';
export { plainTextErrors, type TextField } from './customer/plain-text.ts';
export { checkRegistrationNumber } from './customer/registration-number.ts';
export { checkCulture, checkCultureAndLanguage, checkLanguage } from './customer/culture.ts';
export { EARLIEST_AGREEMENT_DATE, checkAgreementDate } from './customer/agreement-date.ts';
export {
  validatePurchaseLimit,
  validateQuantity,
  type PurchaseLimitCheck,
  type QuantityBounds,
} from './customer/quantity.ts';
export {
  addressValidationStatuses,
  validateAddressForSuggestion,
  type AddressSuggestion,
  type AddressValidationStatus,
} from './customer/address-suggestion.ts';
export { statesForZipPrefix, zipDisagreesWithState } from './customer/us-zip-prefixes.ts';

/** Every FieldError code the customer rules produce (warnings included). */
export const customerFieldErrorCodes = [
  ...domainPrefixErrorCodes,
  ...companyNameErrorCodes,
  ...companyNameWarningCodes,
  ...personNameErrorCodes,
  ...emailErrorCodes,
  ...addressErrorCodes,
  ...phoneErrorCodes,
  ...registrationNumberErrorCodes,
  ...cultureErrorCodes,
  ...agreementDateErrorCodes,
  ...quantityErrorCodes,
  ...addOnErrorCodes,
  ...plainTextErrorCodes,
] as const;
export type CustomerFieldErrorCode = (typeof customerFieldErrorCodes)[number];
