/**
 * The date the customer accepted the agreement (SPEC §4): not in the future, and not before
 * 2000-01-01 (an older date is a typo, not a customer). `now` is passed in: domain code reads no clock.
 */
import { fail, fieldError, ok, type RuleResult } from './result.ts';

export const agreementDateErrorCodes = [
  'agreement_date_required',
  'agreement_date_invalid',
  'agreement_date_in_future',
  'agreement_date_too_old',
] as const;

export const EARLIEST_AGREEMENT_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * A date alone is "today" somewhere on Earth until UTC+14 has left it: accepting it up to 14 hours
 * ahead of UTC lets a person east of Greenwich enter their own today.
 */
const DATE_ONLY_LEAD_MS = 14 * 60 * 60 * 1000;
/** A timestamp may be a little ahead of our clock: the browser's clock is not ours. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
// A time must carry its offset: without one it would mean the server's local time.
const dateTime = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function isRealCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

type Parsed = { date: Date; dateOnly: boolean };

function parseAgreementDate(value: string | Date): Parsed | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { date: value, dateOnly: false };
  const text = value.trim();
  const match = dateOnly.exec(text) ?? dateTime.exec(text);
  if (match === null || !isRealCalendarDay(match[1] ?? '', match[2] ?? '', match[3] ?? '')) return undefined;
  const time = Date.parse(dateOnly.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? undefined : { date: new Date(time), dateOnly: dateOnly.test(text) };
}

/** The agreement date as a UTC instant (a date alone is its midnight UTC). */
export function checkAgreementDate(
  value: string | Date | null | undefined,
  now: Date,
  field = 'dateAgreed',
): RuleResult<Date> {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return fail(fieldError(field, 'agreement_date_required', 'Enter the date the customer accepted the agreement.'));
  }
  const parsed = parseAgreementDate(value);
  if (parsed === undefined) {
    return fail(
      fieldError(field, 'agreement_date_invalid', 'Enter the date as YYYY-MM-DD, such as 2025-03-31.'),
    );
  }
  const lead = parsed.dateOnly ? DATE_ONLY_LEAD_MS : CLOCK_SKEW_MS;
  if (parsed.date.getTime() > now.getTime() + lead) {
    return fail(
      fieldError(field, 'agreement_date_in_future', 'The agreement date is in the future; enter the day the customer accepted it, today or earlier.'),
    );
  }
  if (parsed.date.getTime() < EARLIEST_AGREEMENT_DATE.getTime()) {
    return fail(
      fieldError(field, 'agreement_date_too_old', 'The agreement date is before 2000; check the year.'),
    );
  }
  return ok(parsed.date);
}
