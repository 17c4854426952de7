import { errorCatalog, type DomainError, type FieldError } from '#domain/errors.ts';
import type { ErrorResponse } from '#contracts/common.ts';

export function errorBody(code: number, description: string, errors: FieldError[] = [], data: unknown[] = []): ErrorResponse {
  return { code, description, data, source: 'Partnerdesk', errors };
}

export function domainErrorBody(error: DomainError): ErrorResponse {
  return errorBody(errorCatalog[error.code].pcCode, error.message, error.fieldErrors, error.data);
}
