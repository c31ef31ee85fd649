import { counted, start, userTexts, vietnameseProblems } from './harness';

describe('onOpen / onInstall', () => {
  it('builds the add-on menu in Vietnamese, every item calling a top-level function', () => {
    const { fake, addon } = start();
    const { calls } = counted(fake, () => addon.onOpen({ authMode: 'NONE' }));
    expect(fake.ui.menus).toHaveLength(1);
    const menu = fake.ui.menus[0];
    expect(menu.addon).toBe(true);
    expect(menu.entries.map((e) => (e.separator ? '—' : e.caption))).toEqual([
      'Tạo biểu mẫu',
      'Kiểm tra dữ liệu',
      'Tính tỷ lệ',
      'Gửi báo cáo',
      '—',
      'Dành cho cấp trên',
      '—',
      'Cài đặt',
    ]);
    const district = menu.entries.find((e) => e.submenu)!;
    expect(district.submenu!.map((e) => e.caption)).toEqual([
      'Tạo biểu mẫu cấp trên',
      'Giao chỉ tiêu',
      'Tổng hợp toàn đảng bộ',
    ]);
    const functionNames = menu.entries
      .flatMap((e) => [e.functionName, ...(e.submenu ?? []).map((s) => s.functionName)])
      .filter(Boolean);
    expect(functionNames).toHaveLength(8);
    for (const name of functionNames) expect(typeof addon[name!]).toBe('function');
    // AuthMode.NONE: no access to properties or the document beyond the Ui.
    expect(
      Object.keys(calls).every(
        (c) => c.startsWith('SpreadsheetApp.getUi') || c.startsWith('Ui.') || c.startsWith('Menu.'),
      ),
    ).toBe(true);
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it('onInstall builds the same menu', () => {
    const { fake, addon } = start();
    addon.onInstall({ authMode: 'FULL' });
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.menus[0].entries[0].caption).toBe('Tạo biểu mẫu');
  });
});
