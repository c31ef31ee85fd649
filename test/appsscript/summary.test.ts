import { REPORT_FONT } from '../../core';
import { callKind, raw, type FakeAppsScript } from '../../scripts/addon-host';
import { membersOf, unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { counted, countedByKind, start, userTexts, vietnameseProblems } from './harness';

const MIX = { excellent: 57, good: 285, complete: 50, notComplete: 8, exempt: 3 };

/** The displayed row with a cell equal to `label` in `Tổng hợp` (first match from sheet row `from`). */
function rowOf(
  fake: FakeAppsScript,
  label: string,
  sheet = 'Tổng hợp',
  from = 1,
): { row: number; shown: string[] } {
  const shown = raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
  const index = shown.findIndex((r, i) => i >= from - 1 && r.includes(label));
  if (index === -1) throw new Error(`no row ${label}`);
  return { row: index + 1, shown: shown[index] };
}

describe('Tính tỷ lệ', () => {
  it('writes the unit’s report: heading, STT, counts and shares the Vietnamese way, quota, targets, a chart', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: membersOf(MIX),
      cells: [
        { name: 'Chi bộ 1', rating: 'Hoàn thành xuất sắc nhiệm vụ' },
        { name: 'Chi bộ 2', rating: 'Hoàn thành tốt nhiệm vụ' },
        { name: 'Chi bộ 3', rating: 'Hoàn thành tốt nhiệm vụ' },
      ],
      targets: [{ code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 205, actual: 218 }],
    });
    const { fake, addon } = start({ workbook, locale: 'en_US' });
    // An English spreadsheet: its locale set to vi_VN, once.
    const first = countedByKind(fake, () => addon.computeSummary());
    expect(first.calls['Spreadsheet.setSpreadsheetLocale']).toBe(1);
    expect(fake.consoleErrors).toEqual([]);
    const sheet = fake.spreadsheet.sheet('Tổng hợp');
    expect(fake.spreadsheet.activeSheet).toBe(sheet);
    expect(fake.spreadsheet.sheets[0]).toBe(sheet);
    expect(fake.spreadsheet.getSpreadsheetLocale()).toBe('vi_VN');
    const shown = raw(sheet.getDataRange()).getDisplayValues();
    // Nothing merged: each heading text is centred in the column nearest the middle of the area it was
    // merged across (A:B → B, C:F → D, A:F → C) and runs on over the area's empty cells, unwrapped.
    expect(raw(sheet.getDataRange()).getMergedRanges()).toEqual([]);
    expect(shown[0].slice(0, 4)).toEqual(['', 'ĐẢNG BỘ XÃ AN BÌNH', '', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(raw(sheet.getRange('B1:D1')).getHorizontalAlignments()[0]).toEqual(['center', 'left', 'center']);
    expect(raw(sheet.getRange('D1')).getFontLines()[0][0]).toBe('underline');
    expect(raw(sheet.getRange('D1')).getFontWeights()[0][0]).toBe('bold');
    expect(raw(sheet.getRange('D2')).getFontStyles()[0][0]).toBe('italic');
    expect(raw(sheet.getRange('A1:D2')).getFontFamilies().flat()).toEqual(Array(8).fill(REPORT_FONT));
    expect(shown[1][3]).toMatch(/^……………, ngày \d\d tháng \d\d? năm \d{4}$/);
    const title = shown.findIndex((r) => r[2] === 'BÁO CÁO');
    expect(shown[title + 1][2]).toBe('Kết quả đánh giá, xếp loại đảng viên năm 2023');
    expect(raw(sheet.getRange(title + 1, 3)).getHorizontalAlignments()[0][0]).toBe('center');
    expect(shown.map((r) => r[0])).toContain('I. ĐẢNG VIÊN');
    // Left-aligned texts stay in A, running on (OVERFLOW), and no row height is set: rows fit their contents.
    const caption = shown.findIndex((r) => r[0] === 'I. ĐẢNG VIÊN') + 1;
    expect(raw(sheet.getRange(caption, 1)).getWrapStrategies()[0][0]).toBe('OVERFLOW');
    expect(raw(sheet.getRange(title + 1, 3)).getWrapStrategies()[0][0]).toBe('OVERFLOW');
    expect(sheet.heights.size).toBe(0);

    const excellent = rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ');
    expect(excellent.shown.slice(0, 5)).toEqual([
      '1',
      'Hoàn thành xuất sắc nhiệm vụ',
      'HTXSNV',
      '57',
      '14,25%',
    ]);
    expect(raw(sheet.getRange(excellent.row, 5)).getValue()).toBe(0.1425);
    expect(raw(sheet.getRange(excellent.row, 5)).getNumberFormats()[0][0]).toBe('0.00%');
    expect(rowOf(fake, 'Hoàn thành tốt nhiệm vụ').shown.slice(3, 5)).toEqual(['285', '71,25%']);
    expect(rowOf(fake, 'Hoàn thành nhiệm vụ').shown.slice(3, 5)).toEqual(['50', '12,50%']);
    expect(rowOf(fake, 'Không hoàn thành nhiệm vụ').shown.slice(3, 5)).toEqual(['8', '2,00%']);
    expect(rowOf(fake, 'Cộng số được xếp loại').shown.slice(3, 5)).toEqual(['400', '100,00%']);
    expect(rowOf(fake, 'Trong đó: miễn công tác và sinh hoạt đảng').shown[2]).toBe('3');
    expect(rowOf(fake, 'Tổng số đảng viên').shown[2]).toBe('403');
    expect(rowOf(fake, 'Tỷ lệ HTXSNV so với số HTTNV').shown[2]).toBe('20,00%');
    expect(rowOf(fake, 'Số HTXSNV tối đa (20% số hoàn thành tốt nhiệm vụ)').shown[2]).toBe('57');
    expect(rowOf(fake, 'Số HTXSNV: trong định mức').shown[2]).toBe('57');
    // Cells: 1 excellent of 2 good exceeds ⌊0,2 × 2⌋ = 0.
    const cellsTitle = rowOf(fake, 'II. CHI BỘ TRỰC THUỘC').row;
    const breach = rowOf(fake, 'Số HTXSNV: vượt định mức', 'Tổng hợp', cellsTitle);
    expect(breach.shown[2]).toBe('1');
    expect(raw(sheet.getRange(breach.row, 3)).getBackground()).toBe('#fce8b2');
    expect(rowOf(fake, 'Kết nạp đảng viên').shown.slice(0, 6)).toEqual([
      '1',
      'Kết nạp đảng viên',
      'KET_NAP_DANG_VIEN',
      '205',
      '218',
      '106,34%',
    ]);
    // The code column keeps Sheets' default width: a code longer than it wraps in its cell.
    const target = rowOf(fake, 'Kết nạp đảng viên').row;
    expect(sheet.getColumnWidth(3)).toBe(100);
    expect(raw(sheet.getRange(target, 3)).getWrapStrategies()[0][0]).toBe('WRAP');
    const header = rowOf(fake, 'Mức xếp loại');
    expect(raw(sheet.getRange(header.row, 1)).borders()[0][0]).toEqual({
      top: true,
      left: true,
      bottom: true,
      right: true,
    });
    expect(rowOf(fake, 'T/M ĐẢNG ỦY').shown[0]).toBe('Nơi nhận:');

    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.getType()).toBe('PIE');
    expect(chart.getRanges().map((r) => r.getA1Notation())).toEqual([
      `B${excellent.row}:B${excellent.row + 3}`,
      `D${excellent.row}:D${excellent.row + 3}`,
    ]);
    expect(chart.data()).toEqual([
      [
        ['Hoàn thành xuất sắc nhiệm vụ'],
        ['Hoàn thành tốt nhiệm vụ'],
        ['Hoàn thành nhiệm vụ'],
        ['Không hoàn thành nhiệm vụ'],
      ],
      [[57], [285], [50], [8]],
    ]);
    expect(chart.getContainerInfo().getAnchorRow()).toBeGreaterThan(
      rowOf(fake, 'Số HTXSNV: trong định mức').row,
    );
    expect(fake.toasts.at(-1)!.message).toBe('Đã ghi trang “Tổng hợp”.');

    // Run again: the sheet is rewritten, not duplicated, and keeps one chart.
    addon.computeSummary();
    expect(fake.spreadsheet.sheets.filter((s) => s.name === 'Tổng hợp')).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it('shows the change against last year once last year was computed in this spreadsheet', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2022,
      members: membersOf(MIX),
    });
    const { fake, addon } = start({ workbook });
    addon.computeSummary();
    expect(rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ').shown[5] ?? '').toBe('');
    const info = fake.spreadsheet.sheet('Thông tin');
    raw(info.getRange('B4')).setValue(2023);
    // One member moves from good (sheet row 61, the first good one) to excellent: 58/400 = 14,50%.
    raw(fake.spreadsheet.sheet('Đảng viên').getRange('G61')).setValue('Hoàn thành xuất sắc nhiệm vụ');
    addon.computeSummary();
    expect(rowOf(fake, 'Mức xếp loại').shown[5]).toBe('So với năm trước (điểm phần trăm)');
    const excellent = rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ');
    expect(excellent.shown.slice(3, 6)).toEqual(['58', '14,50%', '+0,25']);
    expect(raw(fake.spreadsheet.sheet('Tổng hợp').getRange(excellent.row, 6)).getValue()).toBe(0.25);
    expect(rowOf(fake, 'Hoàn thành tốt nhiệm vụ').shown[5]).toBe('-0,25');
    expect(rowOf(fake, 'Hoàn thành nhiệm vụ').shown[5]).toBe('0,00');
  });

  it("never overwrites a user's own sheet that bears an output sheet's name", async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(50),
    });
    workbook.sheets.push({ name: 'Tổng hợp', rows: [['Bảng tổng hợp tự làm của chi bộ', 42]] });
    const { fake, addon } = start({ workbook });
    addon.computeSummary();
    addon.computeSummary();
    expect(raw(fake.spreadsheet.sheet('Tổng hợp').getDataRange()).getValues()).toEqual([
      ['Bảng tổng hợp tự làm của chi bộ', 42],
    ]);
    const ours = fake.spreadsheet.sheet('Tổng hợp (xeploai)');
    expect(raw(ours.getRange('B1')).getValue()).toBe('ĐẢNG BỘ XÃ AN BÌNH');
    // Renamed by the user, it is still the add-on's: rewritten in place, never read as input.
    ours.name = 'Kết quả 2023';
    addon.computeSummary();
    addon.validateData();
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Kết quả 2023',
      'Thông tin',
      'Đảng viên',
      'Tổng hợp',
      'Lỗi',
    ]);
    expect(raw(ours.getRange('B1')).getValue()).toBe('ĐẢNG BỘ XÃ AN BÌNH');
    expect(raw(fake.spreadsheet.sheet('Lỗi').getRange('A2')).getValue()).toBe('Không có lỗi nào.');
  });

  it('says when the data still has errors', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: withThreeErrors(validMembers(100)),
    });
    const { fake, addon } = start({ workbook });
    addon.computeSummary();
    const notes = rowOf(fake, 'Cần lưu ý:').row;
    const shown = raw(fake.spreadsheet.sheet('Tổng hợp').getDataRange()).getDisplayValues();
    expect(shown[notes][0]).toContain('Dữ liệu còn 3 lỗi');
    expect(fake.toasts.at(-1)!.message).toContain('còn 3 lỗi');
  });

  it('makes as many service calls for 12.000 rows as for 100, at most 15 round trips, again too, and shows 12.000 with a thousands dot', async () => {
    const small = start({
      workbook: await unitWorkbook({
        code: 'DV01',
        name: 'Đảng bộ xã An Bình',
        year: 2023,
        members: validMembers(100),
      }),
    });
    const large = start({
      workbook: await unitWorkbook({
        code: 'DV01',
        name: 'Đảng bộ xã An Bình',
        year: 2023,
        members: validMembers(12000),
      }),
    });
    const a = counted(small.fake, () => small.addon.computeSummary());
    const b = counted(large.fake, () => large.addon.computeSummary());
    expect(b.calls).toEqual(a.calls);
    // Two reads; the sheet inserted first (it is then the active one: no activate, no move) and left at
    // its 1.000 rows (the report's shape does not follow the members); formats, values, text styles,
    // alignments, wrap strategies, fills one call each; every table's borders in one call; the widths of
    // A and B (figures and codes keep Sheets' default); the chart. No merge, no row height.
    const round = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([name]) => callKind(name) === 'roundTrip'));
    expect(round(a.calls)).toEqual({
      'Range.getValues': 2,
      'Spreadsheet.insertSheet': 1,
      'Range.setNumberFormats': 1,
      'Range.setValues': 1,
      'Range.setTextStyles': 1,
      'Range.setHorizontalAlignments': 1,
      'Range.setWrapStrategies': 1,
      'Range.setBackgrounds': 1,
      'RangeList.setBorder': 1,
      'Sheet.setColumnWidth': 2,
      'Sheet.insertChart': 1,
    });
    const sheet = small.fake.spreadsheet.sheet('Tổng hợp');
    expect(raw(sheet.getDataRange()).getMergedRanges()).toEqual([]);
    expect(rowOf(small.fake, 'Tổng số đảng viên').shown[2]).toBe('100');
    expect(sheet.getColumnWidth(1)).toBe(40);
    expect(sheet.getColumnWidth(2)).toBe(313);
    expect(sheet.getColumnWidth(4)).toBe(100);
    // Run again from the member sheet: the sheet cleared, shown again (activate; it is first already),
    // its chart updated in place, its widths left as they are.
    for (const { fake, addon } of [small, large]) {
      fake.spreadsheet.activeSheet = fake.spreadsheet.sheet('Đảng viên');
      const again = countedByKind(fake, () => addon.computeSummary());
      expect(again.kinds.roundTrip).toBe(12);
      expect(again.calls['Sheet.setColumnWidth']).toBeUndefined();
      expect(again.calls['Sheet.clear']).toBe(1);
      expect(again.calls['Sheet.activate']).toBe(1);
      expect(again.calls['Sheet.updateChart']).toBe(1);
      expect(again.calls['Sheet.insertChart']).toBeUndefined();
      expect(fake.spreadsheet.activeSheet!.name).toBe('Tổng hợp');
      expect(fake.spreadsheet.sheet('Tổng hợp').charts).toHaveLength(1);
    }
    const roundTrips = countedByKind(large.fake, () => large.addon.computeSummary()).kinds.roundTrip;
    expect(roundTrips).toBe(countedByKind(small.fake, () => small.addon.computeSummary()).kinds.roundTrip);
    expect(roundTrips).toBeLessThanOrEqual(15);
    // The font in one setTextStyles: a TextStyle built once per distinct style (in memory), not per cell.
    expect(a.calls['Range.setTextStyles']).toBe(1);
    expect(a.calls['Range.setFontSizes']).toBeUndefined();
    expect(a.calls['SpreadsheetApp.newTextStyle']).toBeLessThanOrEqual(12);
    expect(rowOf(large.fake, 'Tổng số đảng viên').shown[2]).toBe('12.000');
    process.stdout.write(
      `Tính tỷ lệ: ${a.total} service calls, ${roundTrips} round trips, for 100 and 12.000 rows\n${JSON.stringify(a.calls)}\n`,
    );
  }, 60000);
});
