import { buildProvinceSample } from '../../scripts/sample/build-2025';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core';
import { xlsxBytes } from '../../scripts/sample/write-xlsx';
import {
  BAND,
  infoOf,
  iso,
  LEVEL_HEADERS,
  provinceSample,
  RANK,
  readRawMembers,
  tableRows,
  type RawMember,
} from './sample-2025-fixture';

// The 2025 sample (QĐ 366) and the 2024 data of the communes it was formed from, checked on the rows the
// generator writes, read literally (not through the engine under test).
const sample = provinceSample();
const [y2025, y2024] = sample.years;
const units = y2025.units.map((u) => ({ ...u, raw: readRawMembers(u.workbook) }));
const members = units.flatMap((u) => u.raw.members.map((m) => ({ unit: u.code, ...m })));
const province = y2025.superiors[0];
const communes = y2025.superiors.slice(1);

describe('2025: a thành ủy over three communes formed by merging former communes', () => {
  test('about a hundred grassroots organizations; one commune has about 35 of five groups', () => {
    expect(units.length).toBeGreaterThanOrEqual(95);
    expect(units.length).toBeLessThanOrEqual(110);
    expect(communes).toHaveLength(3);
    const sizes = communes.map((c) => tableRows(c.workbook, 'Tổ chức cơ sở').length);
    expect(sizes.some((n) => n >= 32 && n <= 40)).toBe(true);
    const groups = new Set(tableRows(communes[0].workbook, 'Tổ chức cơ sở').map((r) => r['Khối']));
    expect([...groups].sort()).toEqual(
      ['Cơ quan', 'Doanh nghiệp', 'Lực lượng vũ trang', 'Thôn, tổ dân phố', 'Trường học'].sort(),
    );
  });

  test('superior workbooks carry Thông tin, Tổ chức cơ sở and Giao chỉ tiêu as design.md §3 says', () => {
    expect(infoOf(province.workbook)).toEqual({
      'Mã tổ chức': 'TU-HANOI',
      'Tên tổ chức': 'Thành ủy Hà Nội',
      'Cấp trên': 'Ban Chấp hành Trung ương Đảng',
      Năm: 2025,
      'Địa danh': 'Hà Nội',
    });
    for (const commune of communes) {
      const info = infoOf(commune.workbook);
      expect(info['Mã tổ chức']).toBe(commune.code);
      expect(String(info['Tên tổ chức'])).toMatch(/^Đảng ủy xã /);
      expect(info['Cấp trên']).toBe('Đảng bộ thành phố Hà Nội');
      expect(Object.keys(tableRows(commune.workbook, 'Tổ chức cơ sở')[0])).toEqual(
        expect.arrayContaining(['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Khối', 'Xếp loại', 'Sáp nhập từ']),
      );
      expect(tableRows(commune.workbook, 'Giao chỉ tiêu').length).toBeGreaterThan(10);
    }
  });

  test('each commune lists exactly the units filed under it, and the province exactly the communes', () => {
    for (const commune of communes) {
      const listed = tableRows(commune.workbook, 'Tổ chức cơ sở').map((r) => r['Mã đơn vị']);
      expect(listed).toEqual(units.filter((u) => u.parent === commune.code).map((u) => u.code));
    }
    expect(tableRows(province.workbook, 'Tổ chức cơ sở').map((r) => r['Mã đơn vị'])).toEqual(
      communes.map((c) => c.code),
    );
  });

  test('every 2024 organization continues under its code or is named in a `Sáp nhập từ` of 2025', () => {
    const mergedFrom = (workbook: (typeof communes)[number]['workbook']) =>
      tableRows(workbook, 'Tổ chức cơ sở').flatMap((r) =>
        String(r['Sáp nhập từ'] ?? '')
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      );
    const codes2024 = y2024.units.map((u) => u.code);
    const continuing = codes2024.filter((c) => units.some((u) => u.code === c));
    expect(continuing.length).toBeGreaterThan(3);
    // In each commune one organization was formed from two 2024 organizations.
    const inCommunes = communes.flatMap((c) => mergedFrom(c.workbook));
    expect(inCommunes).toHaveLength(6);
    expect(inCommunes.every((c) => codes2024.includes(c) && !continuing.includes(c))).toBe(true);
    // The province lists, for each commune, every 2024 organization whose members it now has.
    expect(mergedFrom(province.workbook).sort()).toEqual([...codes2024].sort());
    expect(tableRows(province.workbook, 'Tổ chức cơ sở').map((r) => String(r['Sáp nhập từ']))).toEqual([
      'DB01; DB20; DB27; CB01; CB35; CB37; CB41; CB19; CB30',
      'DB02; DB24; DB16; DB39; CB04; CB44; CB34; CB39',
      'DB21; DB28; DB14; CB42; CB25; CB32',
    ]);
  });

  test('the commune ratings keep each group within 20% of its good, except one group on purpose', () => {
    const over: string[] = [];
    for (const commune of communes) {
      const rows = tableRows(commune.workbook, 'Tổ chức cơ sở');
      for (const group of new Set(rows.map((r) => r['Khối']))) {
        const ratings = rows.filter((r) => r['Khối'] === group).map((r) => r['Xếp loại']);
        const good = ratings.filter((r) => r === 'Hoàn thành tốt nhiệm vụ').length;
        const excellent = ratings.filter((r) => r === 'Hoàn thành xuất sắc nhiệm vụ').length;
        if (excellent > Math.floor(good / 5)) over.push(`${commune.code}/${group}`);
      }
      for (const row of rows.filter((r) => typeof r['Điểm'] === 'number'))
        expect([row['Mã đơn vị'], LEVEL_HEADERS[String(row['Xếp loại'])]]).toEqual([
          row['Mã đơn vị'],
          BAND(row['Điểm'] as number),
        ]);
    }
    expect(over).toEqual(['X-CHUONGMY/Doanh nghiệp']);
  });
});

describe('2025 member rows follow QĐ 366', () => {
  const rated = members.filter((m) => m.rating);

  test('every row is either rated once or has a reason', () => {
    for (const m of members) {
      expect([m.unit, m.sheetRow, m.marks.length <= 1]).toEqual([m.unit, m.sheetRow, true]);
      const hasRating = m.rating !== null || m.ratingText !== '';
      expect([m.unit, m.sheetRow, hasRating !== (m.reason !== '')]).toEqual([m.unit, m.sheetRow, true]);
    }
    expect(members.length).toBeGreaterThan(3000);
  });

  test('scores: never above the band; below it only with a note, but for one row on purpose', () => {
    const scored = rated.filter((m) => m.score !== null);
    expect(scored.length).toBeGreaterThan(1500);
    expect(scored.filter((m) => RANK[m.rating!] > RANK[BAND(m.score!)])).toEqual([]);
    const belowWithoutNote = scored.filter((m) => RANK[m.rating!] < RANK[BAND(m.score!)] && !m.note);
    expect(belowWithoutNote.map((m) => [m.rating, m.score])).toEqual([['good', 91]]);
    expect(scored.filter((m) => RANK[m.rating!] < RANK[BAND(m.score!)] && m.note).length).toBeGreaterThan(10);
    for (const edge of [90, 70, 50, 89.5, 69.5])
      expect([edge, scored.some((m) => m.score === edge)]).toEqual([edge, true]);
  });

  test('scores in two parts: general criteria 0–30 and task results 0–70, adding up to Điểm', () => {
    const parted = members.filter((m) => m.parts);
    expect(parted.length).toBeGreaterThan(300);
    for (const m of parted) {
      const [general, tasks] = m.parts!;
      expect(general >= 0 && general <= 30 && tasks >= 0 && tasks <= 70).toBe(true);
      expect(general + tasks).toBe(m.score);
    }
    const withTotal = units.filter(
      (u) => u.raw.headers.includes('Điểm tiêu chí chung') && u.raw.headers.includes('Điểm'),
    );
    const partsOnly = units.filter(
      (u) => u.raw.headers.includes('Điểm tiêu chí chung') && !u.raw.headers.includes('Điểm'),
    );
    expect(withTotal.length).toBeGreaterThan(5);
    expect(partsOnly.length).toBeGreaterThan(5);
  });

  test('discipline: not complete, except one self-corrected row with its note', () => {
    const disciplined = members.filter((m) => m.disciplined);
    expect(disciplined.length).toBeGreaterThan(5);
    const above = disciplined.filter((m) => m.rating !== 'notComplete');
    expect(above.map((m) => [m.rating, m.selfCorrected, m.note !== ''])).toEqual([['complete', true, true]]);
  });

  test('probationary members: admitted in 2025; those admitted from July are not rated yet', () => {
    const marked = members.filter((m) => m.probationary !== null);
    const probationary = marked.filter((m) => m.probationary);
    expect(probationary.length).toBeGreaterThan(20);
    expect(probationary.every((m) => m.admittedOn >= '2025-01-01')).toBe(true);
    expect(marked.filter((m) => !m.probationary).every((m) => m.admittedOn < '2025-01-01')).toBe(true);
    expect(probationary.some((m) => m.rating)).toBe(true);
    const late = members.filter((m) => m.admittedOn >= '2025-07-01');
    expect(late.length).toBeGreaterThan(10);
    expect(late.every((m) => !m.rating && /Mới kết nạp/.test(m.reason))).toBe(true);
    expect(
      members.filter((m) => /Mới kết nạp/.test(m.reason)).every((m) => m.admittedOn >= '2025-07-01'),
    ).toBe(true);
    const kinds = new Set(
      units.map((u) => u.raw.headers.find((h) => /Loại đảng viên|Đảng viên dự bị/.test(h))),
    );
    expect(kinds).toEqual(new Set(['Loại đảng viên', 'Đảng viên dự bị', undefined]));
  });

  test('pending members give a reason in Ghi chú, but for one row on purpose; one label is mistyped', () => {
    const pending = members.filter((m) => /Chưa đánh giá/.test(m.reason));
    expect(pending.length).toBeGreaterThan(5);
    expect(pending.filter((m) => !m.note)).toHaveLength(1);
    const unknown = members.filter((m) => m.ratingText && !m.rating);
    expect(unknown.map((m) => m.ratingText)).toEqual(['Hoàn thành tôt nhiệm vụ']);
  });

  test('one unit has more excellent members than 20% of its good ones', () => {
    const over = units.filter((u) => {
      const count = (level: string) => u.raw.members.filter((m) => m.rating === level).length;
      return count('excellent') > Math.floor(count('good') / 5);
    });
    expect(over.map((u) => u.code)).toHaveLength(1);
  });
});

describe('2025 files are shaped like real ones', () => {
  test('the one-column-per-level form, under a merged "Kết quả xếp loại" header row', () => {
    const perLevel = units.filter((u) => u.raw.headerRows.length === 2);
    expect(perLevel.length).toBeGreaterThanOrEqual(20);
    for (const u of perLevel) {
      const top = u.raw.headerRows[0] + 1;
      const group = u.raw.sheet.rows[top - 1].findIndex(
        (v) => String(v).normalize('NFC') === 'Kết quả xếp loại',
      );
      const from = String.fromCharCode(65 + group);
      const to = String.fromCharCode(65 + group + 3);
      expect(u.raw.sheet.merges).toContain(`${from}${top}:${to}${top}`);
      expect(u.raw.members.every((m: RawMember) => m.marks.length === 1 || m.reason)).toBe(true);
    }
    const headers = new Set(perLevel.flatMap((u) => u.raw.headers));
    for (const h of [
      'HTXSNV',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Miễn sinh hoạt',
      'Chưa đánh giá',
      'Lý do không xếp loại',
    ])
      expect([h, headers.has(h)]).toEqual([h, true]);
  });

  test('title rows, "Sheet1" sheets and NFD text in some files', () => {
    expect(units.filter((u) => u.raw.headerRows[0] > 0).length).toBeGreaterThan(20);
    expect(units.filter((u) => u.raw.sheet.name === 'Sheet1').length).toBeGreaterThan(3);
    const nfd = units.filter((u) =>
      u.raw.sheet.rows.flat().some((v) => typeof v === 'string' && v !== v.normalize('NFC')),
    );
    expect(nfd.length).toBeGreaterThanOrEqual(3);
  });

  test('đảng bộ cơ sở list their cells; cells founded less than 6 months before 31/12 are not rated', () => {
    const withCells = y2025.units.filter((u) => u.workbook.sheets.some((s) => s.name === 'Chi bộ'));
    expect(withCells.length).toBeGreaterThanOrEqual(4);
    const cells = withCells.flatMap((u) => tableRows(u.workbook, 'Chi bộ'));
    const founded = (c: Record<string, CellValue>) => iso(c['Ngày thành lập']);
    const recent = cells.filter((c) => founded(c) > '2025-06-30');
    expect(recent.length).toBeGreaterThanOrEqual(6);
    expect(recent.every((c) => !c['Xếp loại'] && c['Lý do không xếp loại'] === 'Mới thành lập')).toBe(true);
    const older = cells.filter((c) => founded(c) <= '2025-06-30');
    expect(older.length).toBeGreaterThan(5);
    expect(older.every((c) => c['Xếp loại'] && !c['Lý do không xếp loại'])).toBe(true);
    expect(older.filter((c) => c['Kỷ luật trong năm']).map((c) => c['Xếp loại'])).toEqual([
      'Không hoàn thành nhiệm vụ',
    ]);
  });

  test('unit information names the unit and the year', () => {
    for (const u of y2025.units) {
      const info = infoOf(u.workbook);
      expect([info['Mã đơn vị'], info['Năm']]).toEqual([u.code, 2025]);
    }
  });
});

describe('2024: the former communes and organizations under the district (QĐ 124)', () => {
  test('one workbook each, the district rating them all, no score column filled', () => {
    const district = y2024.superiors[0].workbook;
    expect(infoOf(district)['Tên tổ chức']).toBe('Huyện ủy Chương Mỹ');
    expect(tableRows(district, 'Tổ chức cơ sở').map((r) => r['Mã đơn vị'])).toEqual(
      y2024.units.map((u) => u.code),
    );
    const rows = y2024.units.flatMap((u) => readRawMembers(u.workbook).members);
    expect(rows.length).toBeGreaterThan(3000);
    expect(rows.every((m) => m.score === null)).toBe(true);
  });
});

test('building twice gives the same data', () => {
  expect(buildProvinceSample()).toEqual(sample);
});

describe('2025 workbooks written as .xlsx', () => {
  test('keep the merged header ranges and the NFD text', async () => {
    const perLevel = units.find((u) => u.raw.headerRows.length === 2 && u.raw.headerRows[0] > 0)!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxBytes(perLevel.workbook)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[1];
    expect(sheet.name).toBe(perLevel.raw.sheet.name);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual([...perLevel.raw.sheet.merges!].sort());
    const top = perLevel.raw.headerRows[0] + 1;
    const values = (sheet.getRow(top).values as unknown[]).slice(1).map(String);
    expect(values).toContain('Kết quả xếp loại');

    const nfd = units.find((u) => u.raw.sheet.name !== u.raw.sheet.name.normalize('NFC'))!;
    const nfdBook = new ExcelJS.Workbook();
    await nfdBook.xlsx.load((await xlsxBytes(nfd.workbook)) as unknown as ArrayBuffer);
    expect(nfdBook.worksheets[1].name).toBe(nfd.raw.sheet.name);
  });
});
