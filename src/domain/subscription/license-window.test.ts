import { describe, expect, it } from 'vitest';
import { DECREASE_WINDOW_MS, decreaseRefusal, decreaseWindow, planDecrease, type Purchase } from './license-window.ts';

const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);
const purchase = (id: string, remaining: number, purchasedAt: string): Purchase => ({ id, remaining, purchasedAt: at(purchasedAt) });

describe('decreaseWindow', () => {
  it('is 168 hours, to the millisecond of the purchase', () => {
    expect(DECREASE_WINDOW_MS).toBe(168 * HOUR);
    const bought = [purchase('a', 5, '2026-11-01T10:00:00Z')];
    expect(decreaseWindow(bought, at('2026-11-08T09:59:59.999Z'))).toMatchObject({ quantity: 5, until: at('2026-11-08T10:00:00Z') });
    expect(decreaseWindow(bought, at('2026-11-08T10:00:00Z'))).toEqual({ quantity: 0, until: null, windows: [] });
  });

  it('counts each purchase apart: only those still in their window, soonest to close first', () => {
    const bought = [purchase('order', 10, '2026-10-01T00:00:00Z'), purchase('late', 2, '2026-11-06T00:00:00Z'), purchase('early', 3, '2026-11-03T00:00:00Z')];
    const window = decreaseWindow(bought, at('2026-11-07T00:00:00Z'));
    expect(window.quantity).toBe(5);
    expect(window.until).toEqual(at('2026-11-10T00:00:00Z'));
    expect(window.windows).toEqual([
      { quantity: 3, until: at('2026-11-10T00:00:00Z') },
      { quantity: 2, until: at('2026-11-13T00:00:00Z') },
    ]);
  });

  it('leaves out purchases whose seats were all removed already', () => {
    expect(decreaseWindow([purchase('a', 0, '2026-11-06T00:00:00Z')], at('2026-11-07T00:00:00Z')).quantity).toBe(0);
  });
});

describe('planDecrease', () => {
  const bought = [purchase('order', 10, '2026-10-01T00:00:00Z'), purchase('early', 3, '2026-11-03T00:00:00Z'), purchase('late', 2, '2026-11-06T00:00:00Z')];
  const now = at('2026-11-07T00:00:00Z');

  it('takes the seats from the purchases whose window closes soonest', () => {
    expect(planDecrease(bought, 4, now)).toEqual({ ok: true, take: [{ id: 'early', quantity: 3 }, { id: 'late', quantity: 1 }] });
    expect(planDecrease(bought, 2, now)).toEqual({ ok: true, take: [{ id: 'early', quantity: 2 }] });
  });

  it('refuses more than the purchases in their window hold, and says what may go', () => {
    const plan = planDecrease(bought, 6, now);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.window.quantity).toBe(5);
  });

  it('refuses any decrease once every window has closed (a fixed clock a week and an hour on)', () => {
    const plan = planDecrease([purchase('order', 5, '2026-11-01T00:00:00Z')], 1, new Date(at('2026-11-01T00:00:00Z').getTime() + DECREASE_WINDOW_MS + HOUR));
    expect(plan).toEqual({ ok: false, window: { quantity: 0, until: null, windows: [] } });
  });
});

describe('decreaseRefusal', () => {
  it('names quantity, what may be removed and until when', () => {
    const window = decreaseWindow([purchase('late', 2, '2026-11-06T00:00:00Z')], at('2026-11-07T00:00:00Z'));
    expect(decreaseRefusal(12, 5, window)).toMatch(/^quantity: .*2 of these may be removed until 2026-11-13T00:00:00.000Z, not 7: enter 10 or more/);
    expect(decreaseRefusal(5, 4, decreaseWindow([], at('2026-11-07T00:00:00Z')))).toMatch(/^quantity: .*cannot go below 5/);
  });
});
