import { performance } from 'node:perf_hooks';

/** Throughput and latency of one side (the API or the floor) over one timed run. */
export interface LoadResult {
  clients: number;
  completed: number;
  failed: number;
  firstFailure: string | null;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * `clients` loops, each calling `once` again as soon as the previous call ended, until `seconds` have
 * passed; the calls in flight then finish and count. Throughput is completed calls over the time
 * until the last one ended.
 */
export async function runClients(clients: number, seconds: number, once: () => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      try {
        await once();
        latencies.push(performance.now() - start);
      } catch (error) {
        failed++;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    clients,
    completed: sorted.length,
    failed,
    firstFailure,
    seconds: elapsed,
    perSecond: sorted.length / elapsed,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}
