/**
 * `npm run bench -- onboarding`: onboarding throughput. BENCH_CLIENTS (16) clients POST /v1/onboardings
 * (a US customer, the agreement, a 2-line order, each with its MS-RequestId) for BENCH_SECONDS (10) over
 * keep-alive HTTP (fetch) to a server listening in a process of its own, each sending the next as soon as
 * the last was answered. Then, in the same run, the floor: the same rows written straight through the
 * driver on the same database, one transaction per onboarding, at the same concurrency. Printed:
 * onboardings/s, p50, p99, SQL statements per onboarding, and API ÷ floor (target ≥ 0.5).
 * TEST_DB=postgres TEST_DATABASE_URL=... runs it on PostgreSQL; BENCH_SMOKE=1 a quick version (CI);
 * BENCH_ROUNDS=n alternates API and floor n times; BENCH_PROFILE=1 takes a CPU profile of the server
 * during the (first) API run and prints where its time went.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onboardingBody } from '#test/integration/onboarding-fixtures.ts';
import { runClients, type LoadResult } from './lib/load.ts';
import type { FromServer, Ready, StatementCounts, ToServer } from './lib/onboarding-server.ts';
import { printProfileSummary, summarizeProfile, type CpuProfile, type ProfileSummary } from './lib/profile-summary.ts';
import { benchDb, dbLabel, isSmoke, resultsDir, textTable, writeResults, type Table } from './lib/results.ts';

const TARGET = 0.5;
const db = benchDb();
const smoke = isSmoke();
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 1.5 : 10));
const warmupSeconds = smoke ? 0.5 : 2;
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const profiling = process.env.BENCH_PROFILE === '1';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = fork(path.join(here, 'lib', 'onboarding-server.ts'), { execArgv: ['--import', 'tsx'], env: process.env });
const replies: FromServer[] = [];
let waiting: ((message: FromServer) => void) | undefined;
server.on('message', (message: FromServer) => {
  if (message.type === 'error') {
    console.error(`The bench server failed:\n${message.message}`);
    server.kill();
    process.exit(1);
  }
  if (waiting) waiting(message);
  else replies.push(message);
});
server.on('exit', (code) => {
  if (code !== 0 && code !== null) {
    console.error(`The bench server exited with ${code}.`);
    process.exit(1);
  }
});

function next<T extends FromServer['type']>(type: T): Promise<Extract<FromServer, { type: T }>> {
  const check = (message: FromServer) => {
    if (message.type !== type) throw new Error(`expected ${type} from the bench server, got ${message.type}`);
    return message as Extract<FromServer, { type: T }>;
  };
  const queued = replies.shift();
  if (queued) return Promise.resolve(check(queued));
  return new Promise((resolve) => {
    waiting = (message) => {
      waiting = undefined;
      resolve(check(message));
    };
  });
}

function ask<T extends FromServer['type']>(message: ToServer, reply: T) {
  server.send(message);
  return next(reply);
}

const ready: Ready = await next('ready');
const lineItems = ready.offerIds.map((offerId, index) => ({ offerId, quantity: 5 + index }));

async function onboardOnce() {
  const response = await fetch(`${ready.url}/v1/onboardings`, {
    method: 'POST',
    headers: { ...ready.headers, 'content-type': 'application/json', 'MS-RequestId': randomUUID() },
    body: JSON.stringify(onboardingBody(lineItems)),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`${response.status} ${text.slice(0, 300)}`);
}

/** One side's run: its load, its statements and the server process's CPU time per onboarding. */
interface Side { result: LoadResult; statementsPerOnboarding: number; serverCpuMsPerOnboarding: number }

async function measureApi(withProfile: boolean): Promise<Side & { profile?: ProfileSummary }> {
  await ask({ type: 'statements' }, 'statements');
  if (withProfile) await ask({ type: 'profile', action: 'start' }, 'profile');
  const result = await runClients(clients, seconds, onboardOnce);
  let profile: ProfileSummary | undefined;
  if (withProfile) {
    const file = path.join(resultsDir, 'profiles', `onboarding-${db}.cpuprofile`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await ask({ type: 'profile', action: 'stop', file }, 'profile');
    profile = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  }
  const { counts } = await ask({ type: 'statements' }, 'statements');
  lastApiStatements = counts;
  return { ...perOnboarding(result, counts), ...(profile ? { profile } : {}) };
}

async function measureFloor(): Promise<Side> {
  await ask({ type: 'statements' }, 'statements');
  const { result } = await ask({ type: 'floor', clients, seconds }, 'floor');
  const { counts } = await ask({ type: 'statements' }, 'statements');
  return perOnboarding(result, counts);
}

function perOnboarding(result: LoadResult, counts: StatementCounts): Side {
  const onboardings = Math.max(1, result.completed + result.failed);
  return { result, statementsPerOnboarding: counts.total / onboardings, serverCpuMsPerOnboarding: counts.cpuMs / onboardings };
}

let lastApiStatements: StatementCounts | undefined;

// Warm both paths (JIT, caches, the pool's connections) before anything is measured.
await runClients(clients, warmupSeconds, onboardOnce);
await ask({ type: 'floor', clients, seconds: warmupSeconds }, 'floor');

const measured: { api: Side; floor: Side }[] = [];
let profile: ProfileSummary | undefined;
for (let round = 0; round < rounds; round++) {
  const api = await measureApi(profiling && round === 0);
  profile ??= api.profile;
  const floor = await measureFloor();
  measured.push({ api: { result: api.result, statementsPerOnboarding: api.statementsPerOnboarding, serverCpuMsPerOnboarding: api.serverCpuMsPerOnboarding }, floor });
}
const exited = new Promise((resolve) => server.once('exit', resolve));
server.send({ type: 'stop' } satisfies ToServer);
await exited;

const failures = measured.flatMap(({ api, floor }) => [api, floor]).filter((side) => side.result.failed > 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const summary = (pick: (round: (typeof measured)[number]) => Side) => ({
  perSecond: mean(measured.map((round) => pick(round).result.perSecond)),
  p50Ms: mean(measured.map((round) => pick(round).result.p50Ms)),
  p99Ms: mean(measured.map((round) => pick(round).result.p99Ms)),
  statements: mean(measured.map((round) => pick(round).statementsPerOnboarding)),
  serverCpuMs: mean(measured.map((round) => pick(round).serverCpuMsPerOnboarding)),
  completed: measured.reduce((sum, round) => sum + pick(round).result.completed, 0),
});
const api = summary((round) => round.api);
const floor = summary((round) => round.floor);
const ratio = api.perSecond / floor.perSecond;
const ratios = measured.map((round) => round.api.result.perSecond / round.floor.result.perSecond);

const ms = (value: number) => `${value.toFixed(1)} ms`;
const table: Table = {
  columns: ['', 'onboardings/s', 'p50', 'p99', 'SQL statements/onboarding', 'server CPU/onboarding', 'completed'],
  rows: [
    ['API (HTTP)', api.perSecond.toFixed(1), ms(api.p50Ms), ms(api.p99Ms), api.statements.toFixed(1), ms(api.serverCpuMs), String(api.completed)],
    ['floor (driver)', floor.perSecond.toFixed(1), ms(floor.p50Ms), ms(floor.p99Ms), floor.statements.toFixed(1), ms(floor.serverCpuMs), String(floor.completed)],
    [`API ÷ floor`, ratio.toFixed(2), '', '', '', '', ''],
  ],
};
const notes = [
  `${clients} clients, ${seconds} s per side${rounds > 1 ? `, ${rounds} rounds alternating API and floor (means; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})` : ''}, after ${warmupSeconds} s of warm-up each.`,
  db === 'pglite'
    ? 'PGlite has one connection: its transactions run one at a time whatever the concurrency, for the API and the floor alike.'
    : `PostgreSQL pool of ${ready.poolSize} connections (DATABASE_POOL_SIZE), shared by the API and the floor.`,
  `Server CPU: user + system time of the server's process per onboarding (${db === 'pglite' ? 'PGlite runs in it' : "PostgreSQL's own is not in it"}); it holds when the machine is busy, where throughput does not.`,
  `Target API ÷ floor ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : `missed by ${(TARGET - ratio).toFixed(2)}`}.`,
];
const title = `POST /v1/onboardings against the driver floor, ${dbLabel(db)}`;
console.log(`\n${title}\n`);
console.log(textTable(table));
for (const note of notes) console.log(`  ${note}`);
if (profile) printProfileSummary(profile);
if (process.env.BENCH_STATEMENTS === '1' && lastApiStatements) {
  console.log('  API statements in the last API run:');
  for (const [text, count] of Object.entries(lastApiStatements.byStatement).sort((a, b) => b[1] - a[1])) console.log(`    ${String(count).padStart(7)}  ${text}`);
}

const command = [
  smoke ? 'BENCH_SMOKE=1' : '',
  db === 'postgres' ? 'TEST_DB=postgres TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test' : '',
  process.env.BENCH_CLIENTS ? `BENCH_CLIENTS=${clients}` : '',
  process.env.BENCH_SECONDS ? `BENCH_SECONDS=${seconds}` : '',
  rounds > 1 ? `BENCH_ROUNDS=${rounds}` : '',
  'npm run bench -- onboarding',
].filter(Boolean).join(' ');
const written = writeResults('onboarding', db, {
  title,
  command,
  table,
  notes,
  data: { clients, seconds, rounds, target: TARGET, ratio, api, floor, byRound: measured, statements: lastApiStatements?.byStatement, profile: profile ? { areas: profile.areas, functions: profile.functions } : undefined },
});
console.log(`  written: ${path.relative(process.cwd(), written)}.json, .md`);

if (failures.length > 0) {
  console.error(`\n${failures.reduce((sum, side) => sum + side.result.failed, 0)} onboardings failed; the first: ${failures[0]!.result.firstFailure}`);
  process.exit(1);
}
