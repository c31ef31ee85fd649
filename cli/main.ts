import { once } from 'node:events';
import { runCli } from './run';
import { jsonPieces, type CommandOutput } from './output';

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
  let stderrWritten = false;
  const writeStderr = () => {
    if (output.stderr && !stderrWritten) process.stderr.write(output.stderr + '\n');
    stderrWritten = true;
  };
  // A reader that stops early (`| head`) closes the pipe: the command ends quietly, its messages and
  // exit code as they would have been.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    writeStderr();
    process.exit(output.exitCode);
  });
  if (output.stdout) process.stdout.write(output.stdout + '\n');
  if (output.document !== undefined) await writeJson(output.document);
  writeStderr();
  process.exitCode = output.exitCode;
}

/**
 * The document as JSON on stdout, in writes of ≈ 64 K characters, each after the last has drained: a pipe
 * whose reader is slower would otherwise queue every piece in memory.
 */
async function writeJson(document: unknown): Promise<void> {
  let batch = '';
  for (const piece of jsonPieces(document)) {
    batch += piece;
    if (batch.length >= 65_536) {
      if (!process.stdout.write(batch)) await once(process.stdout, 'drain');
      batch = '';
    }
  }
  process.stdout.write(batch + '\n');
}

void main();
