import { parseCommandLine } from './args';
import { runConsolidate } from './commands/consolidate';
import { runSummarize } from './commands/summarize';
import { runValidate } from './commands/validate';
import { helpText } from './help';
import { json, type CommandOutput } from './output';

declare const XEPLOAI_VERSION: string | undefined;

export async function runCli(argv: string[]): Promise<CommandOutput> {
  const parsed = parseCommandLine(argv);
  switch (parsed.kind) {
    case 'help':
      return { exitCode: 0, stdout: helpText(parsed.command), stderr: '' };
    case 'version':
      return {
        exitCode: 0,
        stdout: typeof XEPLOAI_VERSION === 'string' ? XEPLOAI_VERSION : 'dev',
        stderr: '',
      };
    case 'usage-error':
      // With --json, the one JSON document on stdout says it too (as for a file that cannot be read).
      return {
        exitCode: 2,
        stdout: argv.includes('--json') ? json({ error: { code: 'E_USAGE', message: parsed.message } }) : '',
        stderr: `Lỗi: ${parsed.message}`,
      };
    case 'run': {
      const { options } = parsed;
      if (options.command === 'validate') return runValidate(options);
      if (options.command === 'summarize') return runSummarize(options);
      return runConsolidate(options);
    }
  }
}
