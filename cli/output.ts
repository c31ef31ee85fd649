import type { InputFailure } from './inputs';

export interface CommandOutput {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function exitCodeFor(errorCount: number): 0 | 1 {
  return errorCount > 0 ? 1 : 0;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A file that cannot be read: exit 2, one clear line (and with --json, one JSON document naming it). */
export function unreadable(failures: InputFailure[], asJson: boolean): CommandOutput {
  const lines = failures.map((f) => `Lỗi: ${f.message}`).join('\n');
  const stdout = asJson
    ? json({
        file: failures[0].file,
        error: { code: failures[0].code, message: failures[0].message },
        failures,
      })
    : '';
  return { exitCode: 2, stdout, stderr: lines };
}
