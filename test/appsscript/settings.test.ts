import { start, userTexts, vietnameseProblems } from './harness';

describe('Cài đặt', () => {
  it('stores the API address, the unit code, the organization consolidated and the year in document properties', () => {
    const { fake, addon } = start();
    const result = addon.saveSettings({
      apiUrl: ' https://asia-southeast1-demo-xeploai.cloudfunctions.net/api/ ',
      unitCode: 'dv01',
      orgCode: ' x-chuongmy ',
      year: '2024',
    });
    expect(result).toEqual({ ok: true, notices: [] });
    expect(fake.documentProperties.getProperties()).toEqual({
      'xeploai.apiUrl': 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api',
      'xeploai.unitCode': 'DV01',
      'xeploai.orgCode': 'X-CHUONGMY',
      'xeploai.year': '2024',
    });
    addon.openSettings();
    expect(fake.ui.pages.at(-1)!.html).toContain('"unitCode":"DV01","orgCode":"X-CHUONGMY","year":2024');
  });

  it('refuses what is not an address, a code or a year, and changes nothing', () => {
    const { fake, addon } = start();
    const result = addon.saveSettings({
      apiUrl: 'máy chủ',
      unitCode: 'Đơn vị 1',
      orgCode: 'Xã Chương Mỹ',
      year: '24',
    });
    expect(result.ok).toBe(false);
    expect(result.problems!.map((p) => p.field)).toEqual(['apiUrl', 'unitCode', 'orgCode', 'year']);
    expect(vietnameseProblems(result.problems!.map((p) => p.message))).toEqual([]);
    expect(fake.documentProperties.getProperties()).toEqual({});
    expect(addon.saveSettings(null).ok).toBe(false);
  });

  it('refuses a server outside the allowlist UrlFetchApp enforces, and accepts the local emulator the local build allows', () => {
    const { fake, addon } = start();
    for (const apiUrl of [
      'https://xeploai.example.org/api',
      'http://asia-southeast1-demo-xeploai.cloudfunctions.net/api',
    ]) {
      const result = addon.saveSettings({ apiUrl, unitCode: '', year: '' });
      expect(result.ok).toBe(false);
      expect(result.problems).toHaveLength(1);
      expect(result.problems![0].field).toBe('apiUrl');
      expect(result.problems![0].message).toContain(
        'https://asia-southeast1-demo-xeploai.cloudfunctions.net/',
      );
      expect(vietnameseProblems(result.problems!.map((p) => p.message))).toEqual([]);
    }
    expect(fake.documentProperties.getProperties()).toEqual({});
    const local = fake.manifest.urlFetchWhitelist.find((prefix) => prefix.startsWith('http://127.0.0.1:'))!;
    const result = addon.saveSettings({
      apiUrl: `${local}demo-xeploai/asia-southeast1/api`,
      unitCode: '',
      year: '',
    });
    expect(result).toEqual({ ok: true, notices: [] });
  });

  it('shows an unexpected failure in Vietnamese instead of a raw error', () => {
    const { fake, addon } = start();
    fake.spreadsheet.getSheets = () => {
      throw new Error('Service Spreadsheets failed while accessing document');
    };
    addon.validateData();
    expect(fake.ui.alerts.at(-1)).toMatchObject({
      title: 'Kiểm tra dữ liệu',
      message:
        'Thao tác “Kiểm tra dữ liệu” chưa hoàn tất do một lỗi không lường trước: Service Spreadsheets failed while accessing document',
    });
    expect(fake.consoleErrors).toHaveLength(1);
    expect(vietnameseProblems(userTexts(fake).filter((t) => !t.includes('Service Spreadsheets')))).toEqual(
      [],
    );
  });
});
