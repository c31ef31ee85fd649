import * as z from 'zod';
import { vi } from 'zod/locales';

/** zod's own Vietnamese locale, for the issue kinds our schemas do not produce. */
const zodVi = vi().localeError;

/** Type names in Vietnamese (zod's locale leaves "string", "object", "int"… in English). */
const TYPE_NAMES: Record<string, string> = {
  string: 'chữ (chuỗi)',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'một đối tượng JSON',
  array: 'một mảng',
  null: 'null',
  undefined: 'không có',
  nan: 'NaN',
  bigint: 'số nguyên lớn',
  date: 'ngày',
};

const typeName = (type: string) => TYPE_NAMES[type] ?? type;

/** What a JSON value is, by the names above. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** A value as a message quotes it, cut short: a body may be large. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

type Issue = Parameters<typeof zodVi>[0];

/** An absentable value (`x | null`) failing: what was wrong with it as `x`, not "the union failed". */
function unionMessage(issue: Issue & { code: 'invalid_union' }): string {
  const branches = (issue.errors ?? []).filter(
    (branch) => !(branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].expected === 'null'),
  );
  const first = branches.length === 1 ? branches[0][0] : undefined;
  if (!first) return 'Giá trị không hợp lệ.';
  const where = first.path.length ? ` (ở ${first.path.map(String).join('.')})` : '';
  return `${first.message}${where}`;
}

/** Every message of the API's body checks, in Vietnamese with the values named. */
function message(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `Thiếu giá trị (cần ${typeName(issue.expected)}).`
        : `Cần ${typeName(issue.expected)}, nhận được ${typeName(typeOf(issue.input))} ${quoted(issue.input)}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Giá trị ${quoted(issue.input)} không hợp lệ: cần ${quoted(issue.values[0])}.`
        : `Giá trị ${quoted(issue.input)} không hợp lệ: cần một trong ${issue.values.map(quoted).join(', ')}.`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return min === '1' ? 'Không được để trống.' : `Cần ít nhất ${min} ký tự.`;
      if (issue.origin === 'array') return `Cần ít nhất ${min} phần tử.`;
      return `Giá trị ${quoted(issue.input)} quá nhỏ: phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${min} trở lên.`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `Dài quá ${max} ký tự.`;
      if (issue.origin === 'array') return `Nhiều quá ${max} phần tử.`;
      return `Giá trị ${quoted(issue.input)} quá lớn: phải ${issue.inclusive ? 'không quá' : 'nhỏ hơn'} ${max}.`;
    }
    case 'unrecognized_keys':
      return `Trường không có trong cấu trúc: ${issue.keys.map((k) => `“${k}”`).join(', ')}.`;
    case 'invalid_union':
      return unionMessage(issue);
    default:
      return zodVi(issue) as string | undefined;
  }
}

// zod's messages in Vietnamese for every schema of the API.
z.config({ localeError: message });

export { z };

/** zod's issues as the API reports them: where (dotted path) and what, in Vietnamese. */
export function bodyIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 100).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
