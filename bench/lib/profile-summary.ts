/**
 * Where a V8 CPU profile's time went (a `.cpuprofile`, from `node --cpu-prof` or the inspector): the
 * functions with the most self time, and the same time summed by area (a package of node_modules, a
 * folder of src/, Node's internals, GC, idle). Run alone: `node --import tsx bench/lib/profile-summary.ts
 * file.cpuprofile [top]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary { totalMs: number; functions: { name: string; where: string; ms: number }[]; areas: { area: string; ms: number }[] }

/** The area a script belongs to: `pg`, `@electric-sql/pglite`, `src/server/modules/customers`, `node:internal`… */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const src = /\/(src|bench|test)\/(.*)\//.exec(url);
  if (src) return `${src[1]}/${src[2]!.split('/').slice(0, 3).join('/')}`;
  return url.startsWith('node:') ? url.split('/')[0]! : url;
}

export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time between sample i-1 and sample i: it is spent in the node of sample i-1.
  for (let i = 1; i < profile.samples.length; i++) {
    const id = profile.samples[i - 1]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i]!));
  }
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalUs += us;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(process.cwd() + '/', '')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += us / 1000;
    functions.set(key, entry);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us / 1000);
  }
  return {
    totalMs: totalUs / 1000,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

export function printProfileSummary(summary: ProfileSummary, busyOnly = true) {
  const idle = summary.areas.find((area) => area.area === '(idle)')?.ms ?? 0;
  const busy = busyOnly ? summary.totalMs - idle : summary.totalMs;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  console.log(`  CPU profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle; shares below are of the ${(busy / 1000).toFixed(1)} s busy`);
  console.log('  by area (self time):');
  for (const area of summary.areas.filter((entry) => entry.area !== '(idle)')) console.log(`    ${pct(area.ms)}  ${area.area}`);
  console.log('  by function (self time):');
  for (const fn of summary.functions.filter((entry) => entry.name !== '(idle)')) console.log(`    ${pct(fn.ms)}  ${fn.name}  ${fn.where}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/lib/profile-summary.ts file.cpuprofile [top]');
    process.exit(2);
  }
  printProfileSummary(summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
}
