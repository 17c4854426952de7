import { describe, expect, it } from 'vitest';
import { checkAgreementDate } from './agreement-date.ts';

const now = new Date('2025-06-15T12:00:00Z');
const code = (value: string | Date | null | undefined, at = now) => {
  const result = checkAgreementDate(value, at);
  return result.ok ? 'ok' : result.errors.map((e) => e.code).join();
};

describe('checkAgreementDate', () => {
  it('accepts a date alone, as midnight UTC', () => {
    expect(checkAgreementDate('2025-06-01', now)).toEqual({ ok: true, value: new Date('2025-06-01T00:00:00Z') });
  });

  it('accepts a timestamp with an offset, and a Date', () => {
    expect(checkAgreementDate('2025-06-15T09:30:00+02:00', now)).toEqual({ ok: true, value: new Date('2025-06-15T07:30:00Z') });
    expect(checkAgreementDate('2025-06-15T11:59:59.123456Z', now)).toMatchObject({ ok: true });
    expect(checkAgreementDate(new Date('2024-01-01T00:00:00Z'), now)).toEqual({ ok: true, value: new Date('2024-01-01T00:00:00Z') });
  });

  it('accepts today', () => {
    expect(code('2025-06-15')).toBe('ok');
  });

  it("accepts tomorrow's date while it is already tomorrow somewhere (UTC+14)", () => {
    expect(code('2025-06-16', new Date('2025-06-15T10:00:00Z'))).toBe('ok');
    expect(code('2025-06-16', new Date('2025-06-15T09:59:59Z'))).toBe('agreement_date_in_future');
  });

  it('refuses the future', () => {
    expect(code('2025-06-17')).toBe('agreement_date_in_future');
    expect(code('2025-06-15T12:10:00Z')).toBe('agreement_date_in_future');
    expect(code(new Date('2026-01-01T00:00:00Z'))).toBe('agreement_date_in_future');
  });

  it('allows a few minutes of clock skew in a timestamp', () => {
    expect(code('2025-06-15T12:04:00Z')).toBe('ok');
  });

  it('refuses dates before 2000', () => {
    expect(code('1999-12-31')).toBe('agreement_date_too_old');
    expect(code('2000-01-01')).toBe('ok');
    expect(code('0025-06-15')).toBe('agreement_date_too_old');
  });

  it.each(['', '   ', null, undefined])('requires a date (%j)', (value) => {
    expect(code(value)).toBe('agreement_date_required');
  });

  it.each(['yesterday', '2025-02-30', '2025-13-01', '15/06/2025', '2025-06-15T10:00:00', '2025-6-1', new Date('nope')])(
    'refuses %j as not a date',
    (value) => {
      expect(code(value)).toBe('agreement_date_invalid');
    },
  );

  it('tells how to write the date', () => {
    expect(checkAgreementDate('31/03/2025', now, 'agreement.dateAgreed')).toEqual({
      ok: false,
      errors: [{ field: 'agreement.dateAgreed', code: 'agreement_date_invalid', message: 'Enter the date as YYYY-MM-DD, such as 2025-03-31.' }],
    });
  });
});
