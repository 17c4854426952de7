/**
 * The cache key of a country's rules (GET /v1/countryvalidationrules/{country}), apart from the
 * fetcher: field-errors.ts reads the cached rules without pulling the API client into its chunk.
 */
export const countryRulesKey = (country: string, locale: string) => ['country-rules', country, locale] as const;
