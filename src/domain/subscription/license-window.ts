/**
 * Which licenses of a subscription may still be removed (SPEC §7; Partner Center's new commerce
 * cancellation policy): licenses can be added at any time, but removed only within seven days (168 hours)
 * of the purchase that added them: the order that made the subscription, or a later increase. Each
 * purchase is counted apart, so licenses bought yesterday can go while those bought last month stay.
 * https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 */

/** Seven days, as Partner Center counts them: to the hour of the purchase. */
export const DECREASE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface Purchase {
  id: string;
  /** Licenses of this purchase still held. */
  remaining: number;
  purchasedAt: Date;
}

export interface DecreaseWindow {
  /** How many licenses of the purchases still in their window may be removed now. */
  quantity: number;
  /** When the first of those windows closes (and `quantity` shrinks); null when nothing may be removed. */
  until: Date | null;
  /** Each open window, soonest to close first: how many licenses, until when. */
  windows: { quantity: number; until: Date }[];
}

const windowEnd = (purchase: Purchase) => new Date(purchase.purchasedAt.getTime() + DECREASE_WINDOW_MS);

/** The licenses that may be removed at `now`, and until when. */
export function decreaseWindow(purchases: readonly Purchase[], now: Date): DecreaseWindow {
  const windows = purchases
    .filter((purchase) => purchase.remaining > 0 && windowEnd(purchase).getTime() > now.getTime())
    .map((purchase) => ({ quantity: purchase.remaining, until: windowEnd(purchase) }))
    .sort((a, b) => a.until.getTime() - b.until.getTime());
  return { quantity: windows.reduce((sum, window) => sum + window.quantity, 0), until: windows[0]?.until ?? null, windows };
}

export type DecreasePlan =
  | { ok: true; take: { id: string; quantity: number }[] }
  | { ok: false; window: DecreaseWindow };

/**
 * Which purchases a decrease of `by` licenses takes its seats from, or why it cannot. It takes from the
 * purchases whose window closes soonest first, so that the licenses left removable stay so the longest.
 */
export function planDecrease(purchases: readonly Purchase[], by: number, now: Date): DecreasePlan {
  const window = decreaseWindow(purchases, now);
  if (by > window.quantity) return { ok: false, window };
  const open = purchases
    .filter((purchase) => purchase.remaining > 0 && windowEnd(purchase).getTime() > now.getTime())
    .sort((a, b) => a.purchasedAt.getTime() - b.purchasedAt.getTime() || a.id.localeCompare(b.id));
  const take: { id: string; quantity: number }[] = [];
  let left = by;
  for (const purchase of open) {
    if (left === 0) break;
    const quantity = Math.min(left, purchase.remaining);
    take.push({ id: purchase.id, quantity });
    left -= quantity;
  }
  return { ok: true, take };
}

/** The message of a refused decrease, naming how many licenses may go now and until when. */
export function decreaseRefusal(current: number, requested: number, window: DecreaseWindow): string {
  const asked = current - requested;
  if (window.quantity === 0) {
    return `quantity: licenses can be removed only within 7 days of the purchase that added them, and all ${current} of this subscription were bought earlier; it cannot go below ${current} until it renews.`;
  }
  return `quantity: licenses can be removed only within 7 days of the purchase that added them; ${window.quantity} of these may be removed until ${window.until!.toISOString()}, not ${asked}: enter ${current - window.quantity} or more.`;
}
