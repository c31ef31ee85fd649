import { raw, type FakeAppsScript } from '../../scripts/addon-host';
import { membersOf, unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { counted, start, userTexts, vietnameseProblems } from './harness';

const MIX = { excellent: 57, good: 285, complete: 50, notComplete: 8, exempt: 3 };

/** The displayed row whose first cell is `label` in `Tổng hợp` (first match from `from`). */
function rowOf(
  fake: FakeAppsScript,
  label: string,
  sheet = 'Tổng hợp',
  from = 0,
): { row: number; shown: string[] } {
  const shown = raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
  const index = shown.findIndex((r, i) => i >= from && r[0] === label);
  if (index === -1) throw new Error(`no row ${label}`);
  return { row: index + 1, shown: shown[index] };
}

describe('Tính tỷ lệ', () => {
  it('writes counts and shares the Vietnamese way, the not-rated breakdown, the quota verdict and a chart', async () => {
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
    const { fake, addon } = start({ workbook });
    addon.computeSummary();
    expect(fake.consoleErrors).toEqual([]);
    const sheet = fake.spreadsheet.sheet('Tổng hợp');
    expect(fake.spreadsheet.activeSheet).toBe(sheet);
    const shown = raw(sheet.getDataRange()).getDisplayValues();
    expect(shown[0][0]).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023');
    expect(shown[1][0]).toBe('Đảng bộ xã An Bình (DV01)');

    const excellent = rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ');
    expect(excellent.shown.slice(0, 3)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', '57', '14,25%']);
    expect(rowOf(fake, 'Hoàn thành tốt nhiệm vụ').shown.slice(1, 3)).toEqual(['285', '71,25%']);
    expect(rowOf(fake, 'Hoàn thành nhiệm vụ').shown.slice(1, 3)).toEqual(['50', '12,50%']);
    expect(rowOf(fake, 'Không hoàn thành nhiệm vụ').shown.slice(1, 3)).toEqual(['8', '2,00%']);
    expect(rowOf(fake, 'Cộng số được xếp loại').shown[1]).toBe('400');
    expect(rowOf(fake, 'Không xếp loại: miễn công tác và sinh hoạt đảng').shown[1]).toBe('3');
    expect(rowOf(fake, 'Tổng số').shown[1]).toBe('403');
    expect(rowOf(fake, 'Tỷ lệ hoàn thành xuất sắc so với hoàn thành tốt nhiệm vụ').shown[2]).toBe('20,00%');
    expect(
      rowOf(fake, 'Định mức hoàn thành xuất sắc (20% số hoàn thành tốt nhiệm vụ)').shown.slice(1, 3),
    ).toEqual(['57', 'Trong định mức']);
    // Cells: 1 excellent of 2 good exceeds ⌊0,2 × 2⌋ = 0.
    const cellsTitle = rowOf(fake, 'Chi bộ trực thuộc').row;
    const cellsQuota = rowOf(
      fake,
      'Định mức hoàn thành xuất sắc (20% số hoàn thành tốt nhiệm vụ)',
      'Tổng hợp',
      cellsTitle,
    );
    expect(cellsQuota.shown.slice(1, 3)).toEqual(['0', 'Vượt 1']);
    expect(raw(sheet.getRange(cellsQuota.row, 3)).getBackground()).toBe('#fce8b2');
    expect(rowOf(fake, 'KET_NAP_DANG_VIEN').shown.slice(1, 5)).toEqual([
      'Kết nạp đảng viên',
      '205',
      '218',
      '106,34%',
    ]);

    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].record.type).toBe('PIE');
    expect(sheet.charts[0].record.ranges).toEqual([`A${excellent.row}:B${excellent.row + 3}`]);
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
    expect(rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ').shown[3] ?? '').toBe('');
    const info = fake.spreadsheet.sheet('Thông tin');
    raw(info.getRange('B4')).setValue(2023);
    // One member moves from good (sheet row 61, the first good one) to excellent: 58/400 = 14,50%.
    raw(fake.spreadsheet.sheet('Đảng viên').getRange('G61')).setValue('Hoàn thành xuất sắc nhiệm vụ');
    addon.computeSummary();
    expect(rowOf(fake, 'Mức xếp loại').shown[3]).toBe('So với năm trước');
    expect(rowOf(fake, 'Hoàn thành xuất sắc nhiệm vụ').shown.slice(1, 4)).toEqual([
      '58',
      '14,50%',
      'tăng 0,25 điểm %',
    ]);
    expect(rowOf(fake, 'Hoàn thành tốt nhiệm vụ').shown[3]).toBe('giảm 0,25 điểm %');
    expect(rowOf(fake, 'Hoàn thành nhiệm vụ').shown[3]).toBe('không đổi');
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
    expect(raw(ours.getRange('A1')).getValue()).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023');
    // Renamed by the user, it is still the add-on's: rewritten in place, never read as input.
    ours.name = 'Kết quả 2023';
    addon.computeSummary();
    addon.validateData();
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Thông tin',
      'Đảng viên',
      'Tổng hợp',
      'Kết quả 2023',
      'Lỗi',
    ]);
    expect(raw(ours.getRange('A1')).getValue()).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023');
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
    const shown = raw(fake.spreadsheet.sheet('Tổng hợp').getDataRange()).getDisplayValues();
    expect(shown[3][0]).toContain('Dữ liệu còn 3 lỗi');
    expect(fake.toasts.at(-1)!.message).toContain('còn 3 lỗi');
  });

  it('makes as many service calls for 12.000 rows as for 100, and shows 12.000 with a thousands dot', async () => {
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
    expect(a.total).toBeLessThanOrEqual(60);
    expect(rowOf(large.fake, 'Tổng số').shown[1]).toBe('12.000');
    process.stdout.write(
      `Tính tỷ lệ: ${a.total} service calls for 100 and 12.000 rows\n${JSON.stringify(a.calls)}\n`,
    );
  }, 60000);
});
