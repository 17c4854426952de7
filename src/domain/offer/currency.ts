/**
 * The symbol of an ISO 4217 currency as Partner Center's Order `currencySymbol` shows it (`USD` → `$`):
 * the English (United States) symbol, so one that other dollars share carries its country (`TWD` →
 * `NT$`); the code itself for one without a symbol.
 */
export function currencySymbol(code: string): string {
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: 'symbol' }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? code;
  } catch {
    // Not a well-formed currency code (a catalog's data): the code is what there is to show.
    return code;
  }
}
