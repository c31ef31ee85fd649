import { parseArgs } from 'node:util';

export type CommandName = 'validate' | 'summarize' | 'consolidate';

export interface CliOptions {
  command: CommandName;
  inputs: string[];
  json: boolean;
  unit?: string;
  year?: number;
  previous?: string;
  district?: string;
  out?: string;
}

export type ParsedCommandLine =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

const COMMANDS: CommandName[] = ['validate', 'summarize', 'consolidate'];

export function parseCommandLine(argv: string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        unit: { type: 'string' },
        year: { type: 'string' },
        previous: { type: 'string' },
        district: { type: 'string' },
        superior: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: translateParseError((error as Error).message) };
  }
  const { values, positionals } = parsed;
  const [first, ...inputs] = positionals;
  const command = COMMANDS.find((c) => c === first);
  if (values.version) return { kind: 'version' };
  if (values.help || first === 'help' || first === undefined) {
    return { kind: 'help', command: COMMANDS.find((c) => c === (first === 'help' ? inputs[0] : first)) };
  }
  if (!command)
    return {
      kind: 'usage-error',
      message: `Lệnh không hợp lệ: “${first}”. Các lệnh: ${COMMANDS.join(', ')}.`,
    };
  if (inputs.length === 0) return { kind: 'usage-error', message: `Lệnh ${command} cần ít nhất một tệp.` };
  if (command !== 'consolidate' && inputs.length > 1) {
    return { kind: 'usage-error', message: `Lệnh ${command} nhận đúng một tệp (đã cho ${inputs.length}).` };
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year))
      return { kind: 'usage-error', message: `--year cần một năm như 2023 (đã cho “${values.year}”).` };
  }
  if (values.previous !== undefined && command === 'validate') {
    return { kind: 'usage-error', message: '--previous chỉ dùng với summarize và consolidate.' };
  }
  if (values.district !== undefined && values.superior !== undefined) {
    return { kind: 'usage-error', message: '--superior và --district là một: chỉ dùng một trong hai.' };
  }
  // --superior is the name for any level; --district is kept for the historical district level.
  const district = values.superior ?? values.district;
  if ((district !== undefined || values.out !== undefined) && command !== 'consolidate') {
    return { kind: 'usage-error', message: '--superior (--district) và --out chỉ dùng với consolidate.' };
  }
  return {
    kind: 'run',
    options: {
      command,
      inputs,
      json: values.json ?? false,
      unit: values.unit,
      year,
      previous: values.previous,
      district,
      out: values.out,
    },
  };
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Tuỳ chọn không hợp lệ: ${unknown[1]}. Xem xeploai --help.`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `Tuỳ chọn ${missing[1].split(',').pop()?.trim()} cần một giá trị.`;
  return `Dòng lệnh không hợp lệ. Xem xeploai --help.`;
}
