import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from './fixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'xeploai.cjs');

/** Runs the command with its stdout closed by the reader before anything is written (as `| head` does). */
function runWithClosedStdout(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a reader that stops reading', () => {
  const dir = tempDir('closed-pipe');
  const file = join(dir, 'CB01.xlsx');

  beforeAll(async () => {
    await writeXlsx(file, {
      'Thông tin': info('CB01', 'Chi bộ Trường THPT Chúc Sơn', 2023),
      'Đảng viên': [MEMBER_HEADER, ...memberRows({ good: 4, complete: 2 }, 'A')],
    });
  });

  test.each([
    ['consolidate --json (written in pieces)', ['consolidate', dir, '--json']],
    ['consolidate as text', ['consolidate', dir]],
    ['validate', ['validate', file]],
  ])('%s: ends quietly with its own exit code, no stack trace', async (_, args) => {
    const run = await runWithClosedStdout(...args);
    expect(run.stderr).not.toMatch(/EPIPE|\bat .+:\d+:\d+|Lỗi không mong đợi/);
    expect(run.status).toBe(0);
  });
});
