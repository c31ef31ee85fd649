import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A Functions emulator of this test's own (firebase-tools `--only functions`), on ports 25 above the
// shared stack's, using the shared Firestore emulator (FIRESTORE_EMULATOR_HOST): killing it loses what a
// crashed Cloud Functions instance loses, and the data stays, as Firestore would.
// What it cannot model: Cloud Functions' own retries and its request queue while instances start.

const ROOT = process.cwd();
// 25 above: the shared stacks use the hub at 4400, logging at 4450 and functions at 5001 plus multiples of 100.
const SHIFT = Number(process.env.XEPLOAI_PORT_OFFSET ?? 0) + 25;
const PROJECT = 'demo-xeploai';
const FUNCTIONS_PORT = 5001 + SHIFT;
export const KILLABLE_API_URL = `http://127.0.0.1:${FUNCTIONS_PORT}/${PROJECT}/asia-southeast1/api`;
const LOG = join(ROOT, '.emulators', `killable-functions-${SHIFT}.log`);

function config(): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
  for (const emulator of Object.values(base.emulators) as { port?: number }[])
    if (emulator.port) emulator.port += SHIFT;
  const file = join(ROOT, `firebase.killable-${SHIFT}.json`);
  writeFileSync(file, JSON.stringify(base, null, 2));
  return file;
}

async function healthy(): Promise<boolean> {
  try {
    const response = await fetch(`${KILLABLE_API_URL}/v1/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export interface FunctionsProcess {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Starts it and resolves once `/v1/health` answers (a worker has loaded the built functions). */
export async function startFunctions(timeoutMs = 180_000): Promise<FunctionsProcess> {
  mkdirSync(join(ROOT, '.emulators'), { recursive: true });
  const log = createWriteStream(LOG, { flags: 'a' });
  await new Promise((done) => log.once('open', done));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_UPDATE_NOTIFIER: '1',
    FUNCTIONS_DISCOVERY_TIMEOUT: '120',
  };
  delete env.FUNCTIONS_EMULATOR;
  const firebase = join(ROOT, 'node_modules', 'firebase-tools', 'lib', 'bin', 'firebase.js');
  const args = ['emulators:start', '--only', 'functions', '--project', PROJECT, '--config', config()];
  // Its own process group: a kill reaches firebase-tools and every worker it started.
  const child = spawn(process.execPath, [firebase, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => (log.end(), done())));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy())) {
    if (gone || Date.now() > deadline) {
      await killFunctions({ child, exited });
      throw new Error(`The killable Functions emulator did not start; see ${LOG}.`);
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  return { child, exited };
}

/** SIGKILL to firebase-tools and its workers at once: no shutdown, no flush, as a crash. */
export async function killFunctions(functions: FunctionsProcess): Promise<void> {
  try {
    process.kill(-functions.child.pid!, 'SIGKILL');
  } catch {
    return; // already gone
  }
  await functions.exited;
}

/** The worker processes running the functions' code (each one a function instance). */
export function workerPids(functions: FunctionsProcess): number[] {
  const listed = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(functions.child.pid)], {
    encoding: 'utf8',
  });
  return listed.stdout
    .split('\n')
    .filter((line) => line.includes('functionsEmulatorRuntime'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** SIGKILL to these worker processes: the instances die mid-request, the emulator starts new ones. */
export function killWorkers(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
