import { performance } from 'node:perf_hooks';

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median duration in ms of `rounds` calls of `fn` (a number, or a function of the first call's duration), after warm-up calls. */
export async function medianMs(fn: () => Promise<unknown>, options: { rounds: number | ((firstMs: number) => number); warmups?: number }) {
  const first = performance.now();
  await fn();
  const firstMs = performance.now() - first;
  for (let i = 1; i < (options.warmups ?? 3); i++) await fn();
  const rounds = typeof options.rounds === 'number' ? options.rounds : options.rounds(firstMs);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * The median duration in ms of each of `fns`, called in turn round after round, so that a load that
 * comes and goes weighs on each alike (their ratios are then of the same moments). The number of
 * rounds may depend on the slowest first call.
 */
export async function interleavedMediansMs(fns: (() => Promise<unknown>)[], options: { rounds: (slowestFirstMs: number) => number; warmups?: number }) {
  let slowest = 0;
  for (const fn of fns) {
    const start = performance.now();
    await fn();
    slowest = Math.max(slowest, performance.now() - start);
    for (let i = 1; i < (options.warmups ?? 3); i++) await fn();
  }
  const samples = fns.map((): number[] => []);
  const rounds = options.rounds(slowest);
  for (let round = 0; round < rounds; round++) {
    for (const [index, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      samples[index]!.push(performance.now() - start);
    }
  }
  return samples.map(median);
}
