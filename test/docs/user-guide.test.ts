import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, WARNING_CODES } from '../../core';

const ROOT = join(__dirname, '..', '..');
const GUIDE = readFileSync(join(ROOT, 'docs', 'huong-dan-su-dung.md'), 'utf8');

/** The guide's section of codes: from its heading to the next `## ` heading. */
function codesSection(): string {
  const start = GUIDE.indexOf('## 8. Mã lỗi và cảnh báo');
  if (start < 0) throw new Error('the guide has no section of codes');
  const end = GUIDE.indexOf('\n## ', start + 1);
  return GUIDE.slice(start, end < 0 ? undefined : end);
}

/** Table rows `| \`CODE\` | meaning | fix |` of that section, by code. */
function codeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of codesSection().split('\n')) {
    const match = /^\| `([EW]_[A-Z_]+)` \|(.*)\|\s*$/.exec(line);
    if (match)
      rows.set(
        match[1],
        match[2].split('|').map((cell) => cell.trim()),
      );
  }
  return rows;
}

describe('the user guide (docs/huong-dan-su-dung.md)', () => {
  test.each([...ERROR_CODES, ...WARNING_CODES])('explains %s and how to fix it', (code) => {
    const row = codeRows().get(code);
    expect(row).toBeDefined();
    const [meaning, fix] = row!;
    expect(meaning.length).toBeGreaterThan(20);
    expect(fix.length).toBeGreaterThan(10);
  });

  test('lists no code the engine does not have, errors and warnings apart', () => {
    const known = new Set<string>([...ERROR_CODES, ...WARNING_CODES]);
    expect([...codeRows().keys()].filter((code) => !known.has(code))).toEqual([]);
    const section = codesSection();
    const warnings = section.indexOf('### Cảnh báo');
    expect(warnings).toBeGreaterThan(0);
    for (const code of ERROR_CODES) expect(section.indexOf(`| \`${code}\``)).toBeLessThan(warnings);
    for (const code of WARNING_CODES) expect(section.indexOf(`| \`${code}\``)).toBeGreaterThan(warnings);
  });

  test('every picture it shows is in docs/hinh', () => {
    const pictures = [...GUIDE.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(pictures).toEqual(
      expect.arrayContaining(['hinh/kiem-tra-dang-vien.png', 'hinh/trang-loi.png', 'hinh/cai-dat.png']),
    );
    expect(pictures.filter((p) => !existsSync(join(ROOT, 'docs', p)))).toEqual([]);
  });

  test('is Vietnamese text in NFC, as the rest of the product writes it', () => {
    expect(GUIDE.normalize('NFC')).toBe(GUIDE);
    // Words a guide written without diacritics would have.
    expect(GUIDE).not.toMatch(/\b(Loi|Kiem tra|Bao cao|Tong hop|dang vien|xep loai)\b/);
  });
});
