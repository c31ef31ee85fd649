import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'xeploai.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command as a user would. */
export function runXeploai(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runJson<T = Record<string, unknown>>(
  ...args: string[]
): { status: number | null; body: T; stderr: string } {
  const run = runXeploai(...args, '--json');
  return { status: run.status, body: JSON.parse(run.stdout) as T, stderr: run.stderr };
}
