import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseTarget } from '#db/database.ts';
import { testDatabaseKind } from './db.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(projectRoot, 'bin/partnerdesk.mjs');

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs the `partnerdesk` command as a user would, with the given environment. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment without the database settings of the test run itself. */
function cleanEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATABASE_SCHEMA: _schema, PORT: _port, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn' };
}

export interface ProcessDatabase {
  /** The environment that points a `partnerdesk` process at it. */
  env: Record<string, string>;
  /** The same database, for the test to open itself (while no server holds a PGlite directory). */
  target: DatabaseTarget;
  /** Drops the schema, or removes the data directory. */
  remove(): Promise<void>;
}

/**
 * An empty database for server processes: a PGlite data directory of its own, or (TEST_DB=postgres) a
 * schema of its own in TEST_DATABASE_URL.
 */
export async function processDatabase(stem: string): Promise<ProcessDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
    const schema = `${stem}_${randomBytes(5).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await admin.runScript(`create schema ${schema}`);
    await admin.close();
    return {
      env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
      target: { kind: 'postgres', url, schema, poolSize: 5 },
      async remove() {
        const cleanup = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
        await cleanup.runScript(`drop schema if exists ${schema} cascade`);
        await cleanup.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${stem.replaceAll('_', '-')}-`));
  return {
    env: { PARTNERDESK_DATA_DIR: dir },
    target: { kind: 'pglite', dataDir: dir },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }

/** Starts `node --import tsx src/cli/main.ts serve` (its pid is the server's) and waits until it is ready. */
export async function startServerProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: projectRoot,
    env: { ...cleanEnv(), HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return { child, url, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}
