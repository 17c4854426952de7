import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A calendar date, e.g. "Mar 4, 2026" / "2026年3月4日". */
  date(value: string | Date): string;
  /** Date and time, to the minute. */
  dateTime(value: string | Date): string;
  number(value: number): string;
  /** "in 30 seconds" / "30 秒後", choosing the unit by size. */
  fromNow(seconds: number): string;
  /** A country's name from its ISO alpha-2 code; anything else is returned as it is. */
  region(code: string): string;
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

export function createFormatters(locale: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return {
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    number: (value) => number.format(value),
    fromNow(seconds) {
      if (seconds < 60) return relative.format(Math.max(1, seconds), 'second');
      if (seconds < 3600) return relative.format(Math.ceil(seconds / 60), 'minute');
      return relative.format(Math.ceil(seconds / 3600), 'hour');
    },
    region(code) {
      if (!/^[A-Za-z]{2}$/.test(code)) return code;
      try {
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
}

/** Intl formatters for the current UI language; they follow a language switch. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
