import type { DraftSummary } from '#contracts/onboarding.ts';
import { normalizeCountry } from '#domain/countries/country-rules.ts';

/**
 * What a list shows of a draft, read from its data. A draft is lenient (any part of the wizard), so
 * this reads the two shapes drafts come in: the portal's wizard values (`companyName`, `domain`,
 * `country` at the top) and Partner Center's request shape (`companyProfile.companyName`,
 * `billingProfile.defaultAddress.country`) that API clients save. Anything else is `null`.
 */
export function summarizeDraft(data: Record<string, unknown>, domainSuffix: string): DraftSummary {
  const companyProfile = record(data.companyProfile);
  const billingProfile = record(data.billingProfile);
  const address = record(billingProfile.defaultAddress);
  const domain = text(data.domain) ?? text(companyProfile.domain);
  const country = text(data.country) ?? text(address.country);
  return {
    companyName: text(data.companyName) ?? text(companyProfile.companyName) ?? text(billingProfile.companyName),
    // The wizard keeps the prefix; the list shows the domain the customer would get.
    domain: domain === null ? null : domain.includes('.') ? domain.toLowerCase() : `${domain.toLowerCase()}.${domainSuffix}`,
    country: normalizeCountry(country) ?? null,
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A non-blank string, trimmed and cut to what a list can show. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, 255);
}
