/**
 * The one error type of Partnerdesk. Domain code and services throw `DomainError` with a stable
 * `code`; the server edge turns it into `{ code, description, data, source, errors }` using the one
 * map below (`errorCatalog`), so a code's HTTP status and Partner Center number live in one place.
 */

/** One field that is wrong: `code` is stable (the web translates it), `message` is for people. */
export type FieldError = { field: string; code: string; message: string };

export type HttpStatus = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 412 | 413 | 414 | 415 | 422 | 429 | 431 | 500 | 503;

/**
 * The HTTP status and the Partner Center numeric error code of each of our error names. Numbers are
 * the model system's where it has one (SPEC §5, "Error codes worth reusing"); the others are ours,
 * built as status × 1000 (+ n) so that they never collide with the model system's.
 */
export const errorCatalog = {
  invalid_input: { status: 400, pcCode: 3000 },
  validation_failed: { status: 400, pcCode: 3000 },
  registration_number_missing: { status: 400, pcCode: 600049 },
  registration_number_invalid: { status: 400, pcCode: 600050 },
  phone_missing: { status: 400, pcCode: 600051 },
  registration_number_not_supported: { status: 400, pcCode: 600002 },
  quantity_out_of_bounds: { status: 400, pcCode: 2002 },
  // The model system reports a per-customer purchase limit with the same code as the offer's bounds.
  purchase_limit_exceeded: { status: 400, pcCode: 2002 },
  offer_invalid: { status: 400, pcCode: 800004 },
  // Licenses removed after the 7-day window of the purchase that added them (SPEC §7). Partner Center
  // documents the rule but no number for its refusal: ours.
  quantity_decrease_not_allowed: { status: 400, pcCode: 400901 },
  // An add-on without the offer it builds on: the model system calls that an invalid offer too.
  prerequisite_missing: { status: 400, pcCode: 800004 },
  offer_not_sold_in_country: { status: 400, pcCode: 800070 },
  reseller_not_found: { status: 400, pcCode: 800015 },
  reseller_invalid: { status: 400, pcCode: 800016 },
  unauthenticated: { status: 401, pcCode: 401 },
  partner_not_authorized_in_country: { status: 403, pcCode: 2030 },
  agreement_required: { status: 403, pcCode: 13605 },
  insufficient_privileges: { status: 403, pcCode: 900308 },
  csrf_failed: { status: 403, pcCode: 403001 },
  feature_unavailable: { status: 403, pcCode: 403002 },
  partner_not_validated: { status: 403, pcCode: 403003 },
  // A US Government customer without a recorded eligibility validation cannot order (SPEC §8; ours).
  eligibility_not_recorded: { status: 403, pcCode: 403004 },
  // A call Partner Center allows only with app + user credentials, made with an app-only token (ours: 403, the
  // model system's answer for "This resource can't be accessed by application credentials").
  app_only_not_supported: { status: 403, pcCode: 403010 },
  // (ours) A password someone else set (a new user, a reset) must be changed before anything else.
  password_change_required: { status: 403, pcCode: 403101 },
  not_found: { status: 404, pcCode: 1000 },
  // A path the API has, with a method it does not take there (the answer names those it takes in Allow).
  method_not_allowed: { status: 405, pcCode: 405 },
  // The HTTP edge's own refusals: a request too slow, too large, or of a type the API does not read.
  request_timeout: { status: 408, pcCode: 408000 },
  body_too_large: { status: 413, pcCode: 413000 },
  url_too_long: { status: 414, pcCode: 414000 },
  unsupported_media_type: { status: 415, pcCode: 415000 },
  headers_too_large: { status: 431, pcCode: 431000 },
  domain_taken: { status: 409, pcCode: 600060 },
  agreement_already_confirmed: { status: 409, pcCode: 600061 },
  conflict: { status: 409, pcCode: 409000 },
  idempotency_mismatch: { status: 409, pcCode: 409001 },
  // (ours) The partner's team: an organisation always keeps an active global admin; none deactivates itself.
  last_global_admin: { status: 409, pcCode: 409101 },
  cannot_deactivate_self: { status: 409, pcCode: 409102 },
  user_email_taken: { status: 409, pcCode: 409103 },
  // A change to a subscription that is not active: a suspended one can only be reactivated (ours).
  subscription_not_active: { status: 409, pcCode: 409002 },
  precondition_failed: { status: 412, pcCode: 412000 },
  // Partner Center's throttling answer (API throttling guidance): 429, Retry-After, statusCode 429.
  rate_limited: { status: 429, pcCode: 429 },
  internal: { status: 500, pcCode: 500 },
  unavailable: { status: 503, pcCode: 503 },
} as const satisfies Record<string, { status: HttpStatus; pcCode: number }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  /** Values the model system returns in the error body's `data` (e.g. the offending offer id). */
  readonly data: unknown[];

  // Fields are assigned by hand rather than as parameter properties so the file also runs under
  // plain type stripping (node --experimental-strip-types), which rejects parameter properties.
  constructor(code: ErrorCode, message: string, fieldErrors: FieldError[] = [], data: unknown[] = []) {
    super(message);
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.data = data;
  }

  get status(): HttpStatus {
    return errorCatalog[this.code].status;
  }

  get pcCode(): number {
    return errorCatalog[this.code].pcCode;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

export function statusOf(code: ErrorCode): HttpStatus {
  return errorCatalog[code].status;
}

export function pcCodeOf(code: ErrorCode): number {
  return errorCatalog[code].pcCode;
}

/** 404 for anything outside the caller's scope, so that its existence is not revealed (SPEC §5). */
export function notFound(what: string, data: unknown[] = []): DomainError {
  return new DomainError('not_found', `${what} was not found.`, [], data);
}

export function forbidden(message = 'You do not have the permissions needed for this action.'): DomainError {
  return new DomainError('insufficient_privileges', message);
}

export function invalidInput(fieldErrors: FieldError[], message = describeFieldErrors(fieldErrors)): DomainError {
  return new DomainError('invalid_input', message, fieldErrors);
}

export function validationFailed(fieldErrors: FieldError[], message = describeFieldErrors(fieldErrors)): DomainError {
  return new DomainError('validation_failed', message, fieldErrors);
}

export function conflict(message: string, data: unknown[] = []): DomainError {
  return new DomainError('conflict', message, [], data);
}

/**
 * Throws when there are field errors. When exactly one registration-number or phone rule failed, the
 * error carries that rule's own code so the model system's number (600049, 600050, ...) reaches clients.
 */
export function throwIfFieldErrors(fieldErrors: FieldError[]): void {
  if (fieldErrors.length > 0) throw fieldErrorsError(fieldErrors);
}

/**
 * The error for a list of field errors. When exactly one rule failed and its code is one of ours
 * (`phone_missing`, `quantity_out_of_bounds`...), the error carries that code so that the model
 * system's number (600051, 2002...) reaches clients.
 */
export function fieldErrorsError(fieldErrors: FieldError[]): DomainError {
  const first = fieldErrors[0];
  if (fieldErrors.length === 1 && first !== undefined && isErrorCode(first.code)) {
    return new DomainError(first.code, first.message, fieldErrors);
  }
  return validationFailed(fieldErrors);
}

function describeFieldErrors(fieldErrors: FieldError[]): string {
  const first = fieldErrors[0];
  if (first === undefined) return 'The request is not valid.';
  if (fieldErrors.length === 1) return first.message;
  return `${fieldErrors.length} fields are not valid. First: ${first.message}`;
}
