import { RATING_LABELS, REASON_LABELS } from '../../core';
import { raw } from '../../scripts/addon-host';
import { COL, FIRST_MEMBER_ROW, unitWorkbook, validMembers } from './fixtures';
import { counted, start, userTexts, vietnameseProblems } from './harness';

describe('Tạo biểu mẫu', () => {
  it('creates the four standard sheets with dropdowns, formats, a frozen protected header and widths', () => {
    const { fake, addon } = start();
    fake.documentProperties.setProperties({ 'xeploai.unitCode': 'DV07', 'xeploai.year': '2024' });
    const { calls } = counted(fake, () => addon.createTemplate());
    expect((calls['Sheet.setColumnWidth'] ?? 0) + (calls['Sheet.setColumnWidths'] ?? 0)).toBe(2 + 12 + 7 + 3);
    const ss = fake.spreadsheet;
    expect(ss.sheets.map((s) => s.name)).toEqual([
      'Trang tính1',
      'Thông tin',
      'Đảng viên',
      'Chi bộ',
      'Chỉ tiêu',
    ]);

    const members = ss.sheet('Đảng viên');
    const header = raw(members.getRange(1, 1, 1, 17)).getValues()[0];
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Số thẻ đảng viên',
      'Ngày sinh',
      'Chi bộ',
      'Ngày vào Đảng',
      'Xếp loại',
      'Lý do không xếp loại',
      'Điểm',
      'Kỷ luật trong năm',
      'Nghỉ ốm từ 3 tháng',
      'Nhóm',
      'Ghi chú',
      'Đảng viên dự bị',
      'Tự phát hiện, khắc phục',
      'Điểm tiêu chí chung',
      'Điểm kết quả thực hiện nhiệm vụ',
    ]);
    expect(members.frozenRows).toBe(1);
    expect(members.protections).toHaveLength(1);
    const protection = raw(members.protections[0]);
    expect(protection.isWarningOnly()).toBe(true);
    expect(raw(protection.getRange()).getA1Notation()).toBe('A1:Q1');
    expect(
      raw(members.getRange('A1:Q1'))
        .getFontWeights()[0]
        .every((w) => w === 'bold'),
    ).toBe(true);
    // Headers longer than their columns ("Điểm kết quả thực hiện nhiệm vụ" in 110 px): the row wraps.
    expect(
      raw(members.getRange('A1:Q1'))
        .getWraps()[0]
        .every((w) => w),
    ).toBe(true);
    expect(members.getColumnWidth(2)).toBeGreaterThanOrEqual(180);
    // Each column its own width (in pixels), set in 12 calls where runs of one width took 16: a call may
    // cover columns that a later one sets narrower or wider.
    expect(Array.from({ length: 17 }, (_, c) => members.getColumnWidth(c + 1))).toEqual([
      50, 200, 120, 100, 160, 110, 230, 230, 60, 100, 120, 170, 200, 90, 120, 90, 110,
    ]);

    const rating = raw(members.getRange('G2')).getDataValidation()!;
    expect(rating.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rating.getCriteriaValues()[0]).toEqual(Object.values(RATING_LABELS).map((l) => l.label));
    expect(raw(members.getRange('G1000')).getDataValidation()).toBe(rating);
    expect(raw(members.getRange('G1')).getDataValidation()).toBeNull();
    const reason = raw(members.getRange('H2')).getDataValidation()!;
    expect(reason.getCriteriaValues()[0]).toEqual(Object.values(REASON_LABELS).map((l) => l.label));
    expect(raw(members.getRange('J2')).getDataValidation()!.getCriteriaValues()[0]).toEqual(['x', 'Có']);
    expect(raw(members.getRange('K2')).getDataValidation()!.getCriteriaValues()[0]).toEqual(['x', 'Có']);
    expect(raw(members.getRange('D2')).getDataValidation()!.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(raw(members.getRange('I2')).getDataValidation()!.getCriteriaValues()).toEqual([0, 100]);
    expect(raw(members.getRange('N2')).getDataValidation()!.getCriteriaValues()[0]).toEqual(['x', 'Có']);
    expect(raw(members.getRange('O2')).getDataValidation()!.getCriteriaValues()[0]).toEqual(['x', 'Có']);
    expect(raw(members.getRange('P2')).getDataValidation()!.getCriteriaValues()).toEqual([0, 30]);
    expect(raw(members.getRange('Q2')).getDataValidation()!.getCriteriaValues()).toEqual([0, 70]);
    expect(raw(members.getRange('C2')).getNumberFormats()[0][0]).toBe('@');
    expect(raw(members.getRange('D2')).getNumberFormats()[0][0]).toBe('dd/mm/yyyy');
    // Dropdowns do not count as data: the sheet stays empty under its header.
    expect(members.getLastRow()).toBe(1);

    const info = raw(ss.sheet('Thông tin').getRange('A1:B8')).getValues();
    expect(info.map((r) => r[0])).toEqual([
      'Mục',
      'Mã đơn vị',
      'Tên đơn vị',
      'Năm',
      'Loại hình',
      'Ngày đánh giá',
      'Lần gửi gần nhất',
      'Phiên bản',
    ]);
    expect(info[1][1]).toBe('DV07');
    expect(info[3][1]).toBe(2024);
    expect(raw(ss.sheet('Thông tin').getRange('B5')).getDataValidation()!.getCriteriaValues()[0]).toEqual([
      'Đảng bộ cơ sở',
      'Chi bộ cơ sở',
    ]);

    const targets = raw(ss.sheet('Chỉ tiêu').getRange('A1:D2')).getValues();
    expect(targets[0]).toEqual(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện']);
    expect(targets[1]).toEqual(['KET_NAP_DANG_VIEN', 'Kết nạp đảng viên', '', '']);

    expect(fake.ui.alerts.at(-1)!.message).toContain(
      'Đã tạo trang “Thông tin”, “Đảng viên”, “Chi bộ”, “Chỉ tiêu”.',
    );
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
    expect(fake.consoleErrors).toEqual([]);
  });

  it('never overwrites an existing sheet: it keeps the data and only reports missing columns', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(30),
    });
    const { fake, addon } = start({ workbook });
    const members = fake.spreadsheet.sheet('Đảng viên');
    raw(members.getRange(`${COL.name}${FIRST_MEMBER_ROW}`)).setNote('Ghi chú của người dùng');
    raw(members.getRange(`${COL.rating}${FIRST_MEMBER_ROW}`)).setBackground('#00ff00');
    const before = raw(members.getDataRange()).getValues();
    const infoBefore = raw(fake.spreadsheet.sheet('Thông tin').getDataRange()).getValues();

    addon.createTemplate();
    addon.createTemplate();

    expect(raw(members.getDataRange()).getValues()).toEqual(before);
    expect(raw(fake.spreadsheet.sheet('Thông tin').getDataRange()).getValues()).toEqual(infoBefore);
    expect(raw(members.getRange(`${COL.name}${FIRST_MEMBER_ROW}`)).getNote()).toBe('Ghi chú của người dùng');
    expect(raw(members.getRange(`${COL.rating}${FIRST_MEMBER_ROW}`)).getBackground()).toBe('#00ff00');
    expect(members.protections).toHaveLength(0);
    expect(raw(members.getRange('G5')).getDataValidation()).toBeNull();
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Thông tin',
      'Đảng viên',
      'Chi bộ',
      'Chỉ tiêu',
    ]);

    const [first, second] = fake.ui.alerts;
    expect(first.message).toContain('Đã tạo trang “Chi bộ”, “Chỉ tiêu”.');
    expect(first.message).toContain(
      '“Đảng viên”: chưa có “Điểm”, “Đảng viên dự bị”, “Tự phát hiện, khắc phục”, “Điểm tiêu chí chung”, “Điểm kết quả thực hiện nhiệm vụ”.',
    );
    expect(first.message).not.toContain('Loại đảng viên');
    expect(first.message).not.toContain('“Họ và tên”');
    expect(first.message).toContain('“Thông tin”: chưa có “Ngày đánh giá”.');
    expect(second.message).not.toContain('Đã tạo');
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });
});
