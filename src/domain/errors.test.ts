import { describe, expect, it } from 'vitest';
import {
  DomainError,
  conflict,
  errorCatalog,
  errorCodes,
  forbidden,
  invalidInput,
  isDomainError,
  isErrorCode,
  notFound,
  pcCodeOf,
  statusOf,
  throwIfFieldErrors,
  validationFailed,
  type ErrorCode,
} from './errors.ts';

describe('errorCatalog', () => {
  it.each<[ErrorCode, number, number]>([
    ['invalid_input', 400, 3000],
    ['validation_failed', 400, 3000],
    ['registration_number_missing', 400, 600049],
    ['registration_number_invalid', 400, 600050],
    ['phone_missing', 400, 600051],
    ['registration_number_not_supported', 400, 600002],
    ['quantity_out_of_bounds', 400, 2002],
    ['purchase_limit_exceeded', 400, 2002],
    ['offer_invalid', 400, 800004],
    ['quantity_decrease_not_allowed', 400, 400901],
    ['prerequisite_missing', 400, 800004],
    ['offer_not_sold_in_country', 400, 800070],
    ['reseller_not_found', 400, 800015],
    ['reseller_invalid', 400, 800016],
    ['unauthenticated', 401, 401],
    ['partner_not_authorized_in_country', 403, 2030],
    ['agreement_required', 403, 13605],
    ['insufficient_privileges', 403, 900308],
    ['not_found', 404, 1000],
    ['request_timeout', 408, 408000],
    ['body_too_large', 413, 413000],
    ['url_too_long', 414, 414000],
    ['unsupported_media_type', 415, 415000],
    ['headers_too_large', 431, 431000],
    ['domain_taken', 409, 600060],
    ['agreement_already_confirmed', 409, 600061],
    ['conflict', 409, 409000],
    ['idempotency_mismatch', 409, 409001],
    ['subscription_not_active', 409, 409002],
    ['precondition_failed', 412, 412000],
    ['rate_limited', 429, 429],
    ['internal', 500, 500],
    ['unavailable', 503, 503],
  ])('%s is %i with Partner Center code %i', (code, status, pcCode) => {
    expect(errorCatalog[code]).toEqual({ status, pcCode });
    expect(statusOf(code)).toBe(status);
    expect(pcCodeOf(code)).toBe(pcCode);
  });

  it('lists every code once', () => {
    expect(new Set(errorCodes).size).toBe(Object.keys(errorCatalog).length);
  });

  it('gives distinct Partner Center codes except where the model system shares one', () => {
    const shared = new Map<number, ErrorCode[]>();
    for (const code of errorCodes) shared.set(pcCodeOf(code), [...(shared.get(pcCodeOf(code)) ?? []), code]);
    const duplicates = [...shared.values()].filter((codes) => codes.length > 1);
    expect(duplicates).toEqual([
      ['invalid_input', 'validation_failed'],
      ['quantity_out_of_bounds', 'purchase_limit_exceeded'],
      ['offer_invalid', 'prerequisite_missing'],
    ]);
  });
});

describe('DomainError', () => {
  it('carries its code, message, field errors, data, status and pcCode', () => {
    const fieldErrors = [{ field: 'email', code: 'email_invalid', message: 'Enter an email address.' }];
    const error = new DomainError('validation_failed', 'Bad input', fieldErrors, ['x']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Bad input');
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(error.data).toEqual(['x']);
    expect(error.status).toBe(400);
    expect(error.pcCode).toBe(3000);
  });

  it('defaults to no field errors and no data', () => {
    const error = new DomainError('internal', 'Boom');
    expect(error.fieldErrors).toEqual([]);
    expect(error.data).toEqual([]);
  });

  it('is recognised by isDomainError and nothing else is', () => {
    expect(isDomainError(new DomainError('conflict', 'x'))).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'conflict' })).toBe(false);
  });
});

describe('helpers', () => {
  it('notFound says what was not found', () => {
    const error = notFound('Customer 123');
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.message).toBe('Customer 123 was not found.');
  });

  it('forbidden is insufficient_privileges', () => {
    expect(forbidden().code).toBe('insufficient_privileges');
    expect(forbidden('No.').message).toBe('No.');
  });

  it('invalidInput and validationFailed take the first field message', () => {
    const one = [{ field: 'a', code: 'x', message: 'Fix a.' }];
    const two = [...one, { field: 'b', code: 'y', message: 'Fix b.' }];
    expect(invalidInput(one).message).toBe('Fix a.');
    expect(invalidInput(two).message).toBe('2 fields are not valid. First: Fix a.');
    expect(invalidInput([]).message).toBe('The request is not valid.');
    expect(validationFailed(two).fieldErrors).toEqual(two);
    expect(validationFailed(two).code).toBe('validation_failed');
  });

  it('conflict is 409', () => {
    expect(conflict('Taken').status).toBe(409);
  });

  it('isErrorCode tells our codes apart', () => {
    expect(isErrorCode('phone_missing')).toBe(true);
    expect(isErrorCode('email_invalid')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('throwIfFieldErrors', () => {
  it('does nothing without errors', () => {
    expect(() => throwIfFieldErrors([])).not.toThrow();
  });

  it('keeps the model system code of a lone registration or phone error', () => {
    const lone = [{ field: 'phoneNumber', code: 'phone_missing', message: 'Enter a phone number.' }];
    expect(() => throwIfFieldErrors(lone)).toThrow(expect.objectContaining({ code: 'phone_missing', pcCode: 600051 }));
  });

  it('throws validation_failed for field-only codes or several errors', () => {
    const lone = [{ field: 'email', code: 'email_invalid', message: 'Enter an email.' }];
    expect(() => throwIfFieldErrors(lone)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    const several = [...lone, { field: 'phoneNumber', code: 'phone_missing', message: 'Enter a phone.' }];
    expect(() => throwIfFieldErrors(several)).toThrow(expect.objectContaining({ code: 'validation_failed', fieldErrors: several }));
  });
});
