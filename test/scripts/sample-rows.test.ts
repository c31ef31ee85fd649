import {
  compactKey,
  findMemberHeader,
  foldText,
  locateMemberSheet,
  lessThanSixMonths,
  type MemberRow,
} from '../../core';
import { buildSample } from '../../scripts/sample/build';
import { analyzedSample } from './sample-fixture';

const { sample, years } = analyzedSample();
const units2023 = sample.years.find((y) => y.year === 2023)!.units;
const members = (year: 2023 | 2022): MemberRow[] => years[year].reports.flatMap((r) => r.members);

describe('sample rows obey the rules of design.md §2.3 in both years', () => {
  test.each([2023, 2022] as const)('%i: no unit has an error, and the same 85 units report', (year) => {
    expect(years[year].summaries.flatMap((s) => s.errors)).toEqual([]);
    expect(years[year].summaries.map((s) => s.unit.code)).toEqual(
      years[2023].summaries.map((s) => s.unit.code),
    );
    expect(years[year].summaries.every((s) => s.year === year)).toBe(true);
  });

  test.each([2023, 2022] as const)(
    '%i: the rule cases occur and each is handled as the rules say',
    (year) => {
      const all = members(year);
      const disciplined = all.filter((m) => m.disciplined);
      const sick = all.filter((m) => m.sickLeave);
      const recent = all.filter((m) => m.admittedOn && lessThanSixMonths(m.admittedOn, `${year}-12-31`));
      expect(disciplined.length).toBeGreaterThan(10);
      expect(disciplined.every((m) => m.rating === 'notComplete')).toBe(true);
      expect(sick.length).toBeGreaterThan(10);
      expect(sick.every((m) => m.rating === 'complete' || m.rating === 'notComplete')).toBe(true);
      expect(recent.length).toBeGreaterThan(50);
      expect(recent.every((m) => !m.rating && m.reason === 'newMember')).toBe(true);
      expect(all.filter((m) => m.reason === 'newMember').every((m) => recent.includes(m))).toBe(true);
    },
  );

  test('party card numbers are unique in the whole sample; probationary members have none yet', () => {
    const cards = members(2023).flatMap((m) => (m.card ? [compactKey(m.card)] : []));
    expect(new Set(cards).size).toBe(cards.length);
    expect(
      members(2023)
        .filter((m) => !m.card)
        .every((m) => m.admittedOn! >= '2023-01-01'),
    ).toBe(true);
  });

  test('the exempt are mostly elderly members', () => {
    const exempt = members(2023).filter((m) => m.reason === 'exempt');
    const elderly = exempt.filter((m) => m.birthDate! <= '1953-12-31');
    expect(elderly.length / exempt.length).toBeGreaterThan(0.9);
  });

  test('each unit lists as many members admitted in 2023 as its reported admissions', () => {
    for (const summary of years[2023].summaries) {
      const report = years[2023].reports.find((r) => r.unit.code === summary.unit.code)!;
      const admitted = report.members.filter((m) => m.admittedOn! >= '2023-01-01').length;
      const reported = summary.targets.find((t) => t.code === 'KET_NAP_DANG_VIEN')?.actual ?? 0;
      expect([summary.unit.code, admitted]).toEqual([summary.unit.code, reported]);
    }
  });

  test('two or three small units exceed the 20% quota; every other unit keeps it', () => {
    const over = years[2023].summaries.filter((s) => s.warnings.some((w) => w.code === 'W_QUOTA_EXCEEDED'));
    expect(over.length).toBeGreaterThanOrEqual(2);
    expect(over.length).toBeLessThanOrEqual(3);
    for (const s of over) {
      expect(s.members.total).toBeLessThan(20);
      expect(s.members.quota.ok).toBe(false);
    }
  });

  test('unit sizes run from about a dozen to several hundred members', () => {
    const sizes = years[2023].summaries.map((s) => s.members.total);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(15);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(400);
  });

  test('every đảng bộ has its subordinate cells, no chi bộ cơ sở has any', () => {
    for (const s of years[2023].summaries) {
      expect([s.unit.code, (s.cells?.total ?? 0) > 0]).toEqual([
        s.unit.code,
        s.unit.kind === 'Đảng bộ cơ sở',
      ]);
    }
  });

  test('building twice gives the same data', () => {
    expect(buildSample()).toEqual(sample);
  });
});

describe('sample workbooks vary the way offices write them', () => {
  const memberSheets = units2023.map((u) => locateMemberSheet(u.workbook)!);
  const headerRows = memberSheets.map((s) => s.rows[findMemberHeader(s.rows)!.headerIndex].map(String));
  const cellsOf = (column: string) =>
    memberSheets.flatMap((sheet, i) => {
      const at = headerRows[i].findIndex((h) => h === column);
      return at === -1 ? [] : sheet.rows.map((row) => row[at]);
    });

  test('title rows above the header in some member sheets', () => {
    const offsets = memberSheets.map((s) => findMemberHeader(s.rows)!.headerIndex);
    expect(offsets.filter((o) => o > 0).length).toBeGreaterThanOrEqual(3);
    expect(memberSheets.some((s) => String(s.rows[0][0]).startsWith('ĐẢNG BỘ'))).toBe(true);
  });

  test('header synonyms', () => {
    for (const synonym of ['Họ tên', 'Số thẻ', 'Kết quả xếp loại', 'Tình trạng', 'Ngày kết nạp']) {
      expect([synonym, headerRows.some((h) => h.includes(synonym))]).toEqual([synonym, true]);
    }
  });

  test('ratings as abbreviations, dotted abbreviations and short forms', () => {
    const ratings = new Set([...cellsOf('Xếp loại'), ...cellsOf('Kết quả xếp loại')].map(String));
    for (const text of ['HTXSNV', 'HTTNV', 'H.T.N.V', 'Xuất sắc', 'Tốt', 'Hoàn thành xuất sắc nhiệm vụ']) {
      expect([text, ratings.has(text)]).toEqual([text, true]);
    }
  });

  test('dates as dd/mm/yyyy text in some sheets, date cells in others', () => {
    const births = cellsOf('Ngày sinh');
    expect(births.some((v) => typeof v === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(v))).toBe(true);
    expect(births.some((v) => v instanceof Date)).toBe(true);
  });

  test('a member sheet named in NFD Unicode, and one named "Sheet1"', () => {
    const names = memberSheets.map((s) => s.name);
    expect(names.some((n) => n !== n.normalize('NFC') && n.normalize('NFC') === 'Đảng viên')).toBe(true);
    const unnamed = units2023.filter((u) => u.workbook.sheets.some((s) => s.name === 'Sheet1'));
    expect(unnamed.length).toBeGreaterThanOrEqual(1);
    for (const u of unnamed)
      expect(u.workbook.sheets.some((s) => foldText(s.name) === 'dang vien')).toBe(false);
  });

  test('yes-cells written as "x" and as "Có"', () => {
    const flags = new Set(
      [...cellsOf('Kỷ luật trong năm'), ...cellsOf('Kỷ luật'), ...cellsOf('Nghỉ ốm từ 3 tháng')].map(String),
    );
    expect(flags.has('x')).toBe(true);
    expect(flags.has('Có')).toBe(true);
  });
});
