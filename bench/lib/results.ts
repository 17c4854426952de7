/**
 * What every bench leaves behind: its table on stdout, and the same figures in
 * `bench/results/<name>-<db>.json` and `.md` (smoke runs: `<name>-<db>.smoke.*`, not committed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

export type BenchDb = 'pglite' | 'postgres';

export const benchDb = (): BenchDb => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
export const dbLabel = (db: BenchDb) => (db === 'postgres' ? 'PostgreSQL' : 'PGlite');
export const isSmoke = () => process.env.BENCH_SMOKE === '1';

/** The machine a figure was measured on: a figure without it means little. */
export function machine() {
  return { cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}`, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** A plain table: header row, then rows; numbers already formatted. */
export interface Table { columns: string[]; rows: string[][] }

export function textTable({ columns, rows }: Table): string {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function markdownTable({ columns, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map((_, index) => (index === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Writes `<name>-<db>.json` (the figures) and `.md` (a title, the command and the table). */
export function writeResults(name: string, db: BenchDb, result: { title: string; command: string; table: Table; notes?: string[]; data: unknown }) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${name}-${db}${isSmoke() ? '.smoke' : ''}`);
  const measuredAt = new Date().toISOString();
  const info = machine();
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ name, db, smoke: isSmoke(), measuredAt, machine: info, command: result.command, data: result.data }, null, 2)}\n`);
  const markdown = [
    `# ${result.title}`,
    '',
    `${measuredAt.slice(0, 16).replace('T', ' ')} UTC, ${info.cpus}, ${info.memoryGb} GB, Node ${info.node}${isSmoke() ? ' (smoke run)' : ''}.`,
    '',
    `\`${result.command}\``,
    '',
    markdownTable(result.table),
    ...(result.notes?.length ? ['', ...result.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
  fs.writeFileSync(`${base}.md`, markdown);
  return base;
}
