import { runCli } from './run';
import type { CommandOutput } from './output';

/** The xeploai command: prints, sets the exit code, and never shows a stack trace. */
async function main(): Promise<void> {
  let output: CommandOutput;
  try {
    output = await runCli(process.argv.slice(2));
  } catch (error) {
    output = {
      exitCode: 2,
      stdout: '',
      stderr: `Lỗi không mong đợi: ${(error as Error)?.message ?? String(error)}`,
    };
  }
  if (output.stdout) process.stdout.write(output.stdout + '\n');
  if (output.stderr) process.stderr.write(output.stderr + '\n');
  process.exitCode = output.exitCode;
}

void main();
