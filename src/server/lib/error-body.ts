import { errorCatalog, type DomainError, type FieldError } from '#domain/errors.ts';
import type { ErrorResponse } from '#contracts/common.ts';

export function errorBody(code: number, description: string, errors: FieldError[] = [], data: unknown[] = []): ErrorResponse {
  return { code, description, data, source: 'Partnerdesk', errors };
}

/**
 * The model system's names of the errors it documents with `errorName` (its confirm-agreement page shows
 * 600061's whole body); those answers carry its extra fields too.
 */
const errorNames: Partial<Record<DomainError['code'], { errorName: string; isRetryable: boolean }>> = {
  agreement_already_confirmed: { errorName: 'PartnerConfirmedAgreementAlreadyExists', isRetryable: false },
};

export function domainErrorBody(error: DomainError): ErrorResponse {
  const { pcCode } = errorCatalog[error.code];
  const body = errorBody(pcCode, error.message, error.fieldErrors, error.data);
  const named = errorNames[error.code];
  if (!named) return body;
  return { ...body, message: error.message, errorName: named.errorName, isRetryable: named.isRetryable, parameters: {}, errorMessageExtended: `InternalErrorCode=${pcCode}` };
}
