// Starts and stops the local Firebase stack: the real Firestore emulator and the Functions emulator
// (firebase-tools), project demo-xeploai, on 127.0.0.1. Used by `npm run emulators`, by jest's
// globalSetup/globalTeardown and by `npm start`. A stack that already answers is reused, never stopped.
/* global fetch, AbortSignal, setTimeout */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// When bundled into a CommonJS script (dist/scripts/*.cjs) import.meta is empty: npm runs scripts from the root.
export const ROOT = import.meta.url ? resolve(dirname(fileURLToPath(import.meta.url)), '..') : process.cwd();
export const PROJECT_ID = 'demo-xeploai';
export const HOST = '127.0.0.1';
// XEPLOAI_PORT_OFFSET shifts every emulator port, so two checkouts on one machine can each run a stack.
const PORT_OFFSET = Number(process.env.XEPLOAI_PORT_OFFSET ?? 0) || 0;
export const FIRESTORE_PORT = 8080 + PORT_OFFSET;
export const FUNCTIONS_PORT = 5001 + PORT_OFFSET;
export const REGION = 'asia-southeast1';
export const FIRESTORE_HOST = `${HOST}:${FIRESTORE_PORT}`;
export const API_URL = `http://${HOST}:${FUNCTIONS_PORT}/${PROJECT_ID}/${REGION}/api`;
export const SCHEDULED_URL = `http://${HOST}:${FUNCTIONS_PORT}/${PROJECT_ID}/${REGION}/consolidateOpenYears-0`;

const INSTALLED_FIRESTORE_JAR =
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const FIRESTORE_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const WORK_DIR = join(ROOT, '.emulators');
const FIREBASE_BIN = join(ROOT, 'node_modules', 'firebase-tools', 'lib', 'bin', 'firebase.js');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** A sleep that does not keep the process alive once nothing else does. */
const quietSleep = (ms) => new Promise((done) => setTimeout(done, ms).unref());

async function answers(url, check) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return check(response, await response.text());
  } catch {
    return false;
  }
}

const firestoreReady = () => answers(`http://${FIRESTORE_HOST}/`, (r) => r.ok);
const functionsReady = () => answers(`${API_URL}/v1/health`, (r, body) => r.ok && body.includes('"ok":true'));

export async function stackReady() {
  const [firestore, functions] = await Promise.all([firestoreReady(), functionsReady()]);
  return firestore && functions;
}

function portOpen(port) {
  return new Promise((done) => {
    const socket = createConnection({ host: HOST, port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

/**
 * The installed gcloud Firestore emulator jar has no Main-Class, so firebase-tools cannot `java -jar` it:
 * a manifest-only launcher jar pointing at it can. Null where it is not installed (firebase-tools then
 * downloads its own emulator).
 */
export function firestoreLauncherJar() {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (!existsSync(INSTALLED_FIRESTORE_JAR)) return null;
  const launcher = join(WORK_DIR, 'firestore-launcher.jar');
  if (existsSync(launcher) && statSync(launcher).mtimeMs >= statSync(INSTALLED_FIRESTORE_JAR).mtimeMs)
    return launcher;
  mkdirSync(WORK_DIR, { recursive: true });
  const manifest = join(WORK_DIR, 'firestore-launcher.mf');
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN_CLASS}\nClass-Path: ${INSTALLED_FIRESTORE_JAR}\n`);
  const made = spawnSync('jar', ['cfm', launcher, manifest], { encoding: 'utf8' });
  if (made.status !== 0) {
    throw new Error(
      `Không tạo được tệp khởi chạy trình giả lập Firestore (jar): ${made.stderr || made.error}`,
    );
  }
  return launcher;
}

/** firebase.json with every emulator port moved by PORT_OFFSET, beside it (paths in it stay relative to ROOT). */
function shiftedConfig() {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
  for (const emulator of Object.values(config.emulators)) {
    if (emulator.port) emulator.port += PORT_OFFSET;
    if (emulator.websocketPort) emulator.websocketPort += PORT_OFFSET;
  }
  const file = join(ROOT, `firebase.ports-${PORT_OFFSET}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export function buildFunctions() {
  const built = spawnSync(process.execPath, ['esbuild.config.mjs', 'functions'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0)
    throw new Error('Đóng gói Cloud Functions thất bại (node esbuild.config.mjs functions).');
}

/**
 * Starts the stack (or reuses one that answers) and resolves once Firestore and the `api` function answer.
 * `logFile`: where firebase-tools' output goes; without it, output goes to this process's stdout/stderr.
 * `stopOnSignals`: a Ctrl-C or kill of this process stops the stack too (off when the caller handles them).
 */
export async function startStack({
  build = true,
  logFile = null,
  timeoutMs = 120_000,
  log = console.error,
  stopOnSignals = true,
} = {}) {
  if (await stackReady()) return { owned: false, child: null };
  const deadline = Date.now() + timeoutMs;
  if ((await portOpen(FIRESTORE_PORT)) || (await portOpen(FUNCTIONS_PORT))) {
    log(`Cổng ${FIRESTORE_PORT} hoặc ${FUNCTIONS_PORT} đang bận: chờ bộ giả lập đang khởi động…`);
    await waitReady(deadline, () => false);
    return { owned: false, child: null };
  }
  if (build) buildFunctions();

  // A worker (one per concurrent request) that takes over 30 s to load fails its request ("Failed to load
  // function") on a loaded machine: give it 120 s.
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1', FUNCTIONS_DISCOVERY_TIMEOUT: '120' };
  const launcher = firestoreLauncherJar();
  if (launcher) env.FIRESTORE_EMULATOR_BINARY_PATH = launcher;
  delete env.FIRESTORE_EMULATOR_HOST;
  delete env.FUNCTIONS_EMULATOR;

  const args = [FIREBASE_BIN, 'emulators:start', '--only', 'functions,firestore', '--project', PROJECT_ID];
  if (PORT_OFFSET) args.push('--config', shiftedConfig());
  let output = 'inherit';
  let tail = null;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    tail = createWriteStream(logFile, { flags: 'w' });
    await new Promise((done) => tail.once('open', done));
    output = tail;
  }
  // Own process group: stopping it reaches Java and the functions workers too.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', output, output],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const handle = {
    owned: true,
    child,
    exited,
    logFile,
    tail,
    unhook: stopWithThisProcess(child.pid, stopOnSignals),
  };
  let gone = null;
  exited.then((result) => (gone = result));
  try {
    await waitReady(deadline, () => gone);
  } catch (error) {
    await stopStack(handle);
    const detail =
      logFile && existsSync(logFile)
        ? `\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`
        : '';
    throw new Error(`${error.message}${detail}`);
  }
  return handle;
}

async function waitReady(deadline, exitedEarly) {
  while (Date.now() < deadline) {
    if (await stackReady()) return;
    const gone = exitedEarly();
    if (gone)
      throw new Error(
        `firebase emulators:start đã dừng (mã ${gone.code ?? gone.signal}) trước khi sẵn sàng.`,
      );
    await sleep(500);
  }
  throw new Error('Bộ giả lập Firebase không sẵn sàng trong thời gian chờ.');
}

function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

const signalGroup = (pid, signal) => signalProcess(-pid, signal);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every live process below `pid` (firebase-tools starts Java in a process group of its own). */
function descendants(pid) {
  const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (listed.status !== 0) return [];
  const children = new Map();
  for (const line of listed.stdout.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

async function waitAllGone(pids, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!pids.some(alive)) return true;
    await sleep(200);
  }
  return !pids.some(alive);
}

/**
 * The stack runs in its own process group, so it would outlive this process: stop it when this process
 * exits, and (unless the caller handles them) on SIGINT/SIGTERM/SIGHUP, then let the signal act as usual.
 */
function stopWithThisProcess(pid, onSignals) {
  const onExit = () => signalGroup(pid, 'SIGINT');
  process.once('exit', onExit);
  const signals = onSignals ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : [];
  const handlers = signals.map((signal) => {
    const handler = () => {
      unhook();
      signalGroup(pid, 'SIGINT');
      process.kill(process.pid, signal);
    };
    process.once(signal, handler);
    return [signal, handler];
  });
  const unhook = () => {
    process.removeListener('exit', onExit);
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
  return unhook;
}

/**
 * Stops a stack this process started: firebase-tools first (it shuts its emulators down cleanly), then
 * whatever it started that is still alive, by pid. A reused stack is left running.
 */
export async function stopStack(handle) {
  if (!handle?.owned || !handle.child?.pid) return;
  const { pid } = handle.child;
  handle.unhook?.();
  const started = [pid, ...descendants(pid)];
  signalGroup(pid, 'SIGINT');
  await Promise.race([handle.exited, quietSleep(20_000)]);
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    if (await waitAllGone(started, 5_000)) break;
    for (const left of started.filter(alive)) signalProcess(left, signal);
  }
  handle.tail?.end();
}
