// The in-memory Apps Script host refuses what the real service refuses (checked against Google's
// Apps Script reference), so a test fails where Sheets would.
import { callKind, createAddonHost, FakeAppsScript, raw } from '../../scripts/addon-host';

type Globals = Record<string, Record<string, (...args: unknown[]) => unknown>>;

describe('the Apps Script fake', () => {
  it('runs onOpen in AuthMode.NONE: the menu only; properties, the document and the identity token throw', () => {
    const host = createAddonHost();
    host.run('onOpen', { authMode: 'NONE' });
    expect(host.services.ui.menus).toHaveLength(1);
    expect(host.consoleErrors).toEqual([]);
    const fake = new FakeAppsScript();
    fake.authMode = 'NONE';
    const g = fake.globals() as Globals;
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow('AuthMode.NONE');
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission');
    expect(() => g.ScriptApp.getIdentityToken()).toThrow('You do not have permission');
    // The mode ends with the execution: a menu item runs in FULL.
    fake.endExecution();
    expect(() => g.PropertiesService.getDocumentProperties()).not.toThrow();
  });

  it('gives no identity token when the manifest lacks its scopes, and refuses URLs outside the allowlist', () => {
    const noOpenId = new FakeAppsScript({
      manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] },
    });
    expect(() => (noOpenId.globals() as Globals).ScriptApp.getIdentityToken()).toThrow(
      'Required permissions: openid',
    );
    const fake = new FakeAppsScript({ fetch: () => ({ status: 200 }) });
    const fetch = (url: string) => (fake.globals() as Globals).UrlFetchApp.fetch(url);
    expect(() => fetch('https://example.org/api')).toThrow('has not been whitelisted in the script manifest');
    expect(fake.urlFetch.requests).toEqual([]);
    expect(() => fetch(`${fake.manifest.urlFetchWhitelist[0]}api/v1/health`)).not.toThrow();
  });

  it('refuses writes to a range protected against the user, and lets its editors write', () => {
    const fake = new FakeAppsScript({ userEmail: 'bi.thu@example.org' });
    const sheet = fake.spreadsheet.sheets[0];
    sheet.addProtection(raw(sheet.getRange('B2:C3')), ['chu.so.huu@example.org']);
    expect(() => raw(sheet.getRange('A1:D4')).setBackground('#ff0000')).toThrow('protected cell');
    expect(() => raw(sheet.getRange('C3')).setNote('x')).toThrow('protected cell');
    expect(() => raw(sheet.getRangeList(['A1', 'C2'])).setBackground('#ff0000')).toThrow('protected cell');
    expect(raw(sheet.getRange('A1')).getBackground()).toBe('#ffffff');
    raw(sheet.getRange('A1:A4')).setValues([[1], [2], [3], [4]]);
    expect(raw(sheet.getProtections('RANGE')[0]).canEdit()).toBe(false);
    raw(sheet.getProtections('RANGE')[0]).addEditor('bi.thu@example.org');
    expect(() => raw(sheet.getRange('C3')).setNote('x')).not.toThrow();
  });

  it('merges across each row, and breaks apart a range list only when it holds whole merges', () => {
    const fake = new FakeAppsScript();
    const sheet = fake.spreadsheet.sheets[0];
    raw(sheet.getRange('A1:C2')).setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    raw(sheet.getRange('A1:C2')).mergeAcross();
    expect(raw(sheet.getRange('A1:C2')).getValues()).toEqual([
      [1, '', ''],
      [4, '', ''],
    ]);
    raw(sheet.getRange('A4:C5')).mergeAcross();
    // A1:B1 cuts through A1:C1: nothing is broken apart, not even A4:C4.
    expect(() => raw(sheet.getRangeList(['A4:C4', 'A1:B1'])).breakApart()).toThrow(
      'all cells in a merged range',
    );
    expect(raw(sheet.getRange('A1:C5')).getMergedRanges()).toHaveLength(4);
    raw(sheet.getRangeList(['A2:C2', 'A4:C5'])).breakApart();
    expect(
      raw(sheet.getRange('A1:C5'))
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1']);
    expect(() =>
      (raw(sheet.getRangeList(['A7:B8'])).setBorder as (...a: unknown[]) => unknown)(true, true),
    ).toThrow('six booleans');
    raw(sheet.getRangeList(['A7:B8', 'D7'])).setBorder(true, true, true, true, true, true);
    expect(raw(sheet.getRange('D7')).borders()[0][0]).toEqual({
      top: true,
      bottom: true,
      left: true,
      right: true,
    });
  });

  it('sets text styles only from built TextStyles, one per cell', () => {
    const fake = new FakeAppsScript();
    const g = fake.globals() as Globals;
    const sheet = fake.spreadsheet.sheets[0];
    const bold = (g.SpreadsheetApp.newTextStyle() as unknown as { setBold(b: boolean): { build(): unknown } })
      .setBold(true)
      .build();
    expect(() => raw(sheet.getRange('A1:B1')).setTextStyles([[bold]] as never)).toThrow('number of columns');
    expect(() => raw(sheet.getRange('A1')).setTextStyles([[{ bold: true }]] as never)).toThrow('TextStyle');
    raw(sheet.getRange('A1:B1')).setTextStyles([[bold, bold]] as never);
    expect(raw(sheet.getRange('A1:B1')).getFontWeights()).toEqual([['bold', 'bold']]);
  });

  it('keeps sheet names unique without regard to case and finds them the same way', () => {
    const fake = new FakeAppsScript({ workbook: { sheets: [{ name: 'Đảng viên', rows: [] }] } });
    expect(() => fake.spreadsheet.insertSheet('ĐẢNG VIÊN')).toThrow('already exists');
    expect(raw(fake.spreadsheet.getSheetByName('đảng viên')!).name).toBe('Đảng viên');
    expect(fake.spreadsheet.getSheetByName('Đảng viên 2')).toBeNull();
    const other = fake.spreadsheet.insertSheet('Lỗi');
    expect(() => raw(other).setName('đảng VIÊN')).toThrow('already exists');
  });

  it('inserts a sheet at a 0-based index and makes it the active one; refuses an index out of the sheets', () => {
    const fake = new FakeAppsScript({
      workbook: {
        sheets: [
          { name: 'Thông tin', rows: [] },
          { name: 'Đảng viên', rows: [] },
        ],
      },
    });
    const names = () => fake.spreadsheet.sheets.map((s) => s.name);
    expect(() => fake.spreadsheet.insertSheet('Tổng hợp', 3)).toThrow('sheetIndex');
    expect(() => fake.spreadsheet.insertSheet('Tổng hợp', -1)).toThrow('sheetIndex');
    expect(() => fake.spreadsheet.insertSheet('Tổng hợp', 0.5)).toThrow('sheetIndex');
    const first = raw(fake.spreadsheet.insertSheet('Tổng hợp', 0));
    expect(names()).toEqual(['Tổng hợp', 'Thông tin', 'Đảng viên']);
    expect(fake.spreadsheet.activeSheet).toBe(first);
    expect(first.getIndex()).toBe(1);
    raw(fake.spreadsheet.insertSheet('Lỗi'));
    expect(names()).toEqual(['Tổng hợp', 'Thông tin', 'Đảng viên', 'Lỗi']);
  });

  it('lets text run on over empty cells only where told to (OVERFLOW); setWrap(false) is read as CLIP', () => {
    const fake = new FakeAppsScript();
    const range = raw(fake.spreadsheet.sheets[0].getRange('A1:C1'));
    expect(range.getWrapStrategies()).toEqual([['OVERFLOW', 'OVERFLOW', 'OVERFLOW']]);
    range.setWraps([[true, false, false]]);
    expect(range.getWrapStrategies()).toEqual([['WRAP', 'CLIP', 'CLIP']]);
    range.setWrapStrategies([['OVERFLOW', 'WRAP', 'CLIP']]);
    expect(range.getWraps()).toEqual([[false, true, false]]);
    expect(() => range.setWrapStrategies([['OVERFLOW', 'WRAP', 'SPILL']])).toThrow('Invalid argument');
    expect((fake.globals() as Globals).SpreadsheetApp.WrapStrategy).toEqual({
      WRAP: 'WRAP',
      OVERFLOW: 'OVERFLOW',
      CLIP: 'CLIP',
    });
  });

  it('updates a chart only from its own modify(), on its own sheet', () => {
    const fake = new FakeAppsScript({
      workbook: {
        sheets: [
          { name: 'A', rows: [['x', 1]] },
          { name: 'B', rows: [['y', 2]] },
        ],
      },
    });
    const [a, b] = fake.spreadsheet.sheets;
    const chart = raw(a.newChart())
      .setChartType('PIE')
      .addRange(a.getRange('A1:B1'))
      .setPosition(2, 1, 0, 0)
      .build();
    a.insertChart(chart);
    // A new chart, or another sheet's, is not an update of anything here.
    expect(() =>
      a.updateChart(raw(a.newChart()).setChartType('PIE').addRange(a.getRange('A1')).build()),
    ).toThrow('not a chart of this sheet');
    const moved = raw(raw(a.getCharts()[0]).modify()).setPosition(5, 2, 0, 0).build();
    expect(() => b.updateChart(moved)).toThrow('not a chart of this sheet');
    a.updateChart(moved);
    expect(a.charts).toHaveLength(1);
    expect(raw(a.charts[0]).getContainerInfo().getAnchorRow()).toBe(5);
    expect(
      raw(a.charts[0])
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B1']);
    // The chart it replaced is gone: a chart modified from it updates nothing any more.
    expect(() => a.updateChart(moved)).toThrow('not a chart of this sheet');
    expect(() => a.updateChart(raw(chart.modify()).build())).toThrow('not a chart of this sheet');
  });

  it("gives dates as midnight in the spreadsheet's time zone and stores a script's Date in it", () => {
    const fake = new FakeAppsScript({
      timeZone: 'America/New_York',
      workbook: { sheets: [{ name: 'A', rows: [[new Date(Date.UTC(2024, 0, 15))]] }] },
    });
    const cell = raw(fake.spreadsheet.sheets[0].getRange('A1'));
    expect(cell.getValue()).toEqual(new Date(Date.UTC(2024, 0, 15, 5)));
    expect(cell.getDisplayValues()[0][0]).toBe('15/01/2024');
    cell.setValue(new Date(Date.UTC(2024, 6, 1, 4))); // midnight in New York (summer time)
    expect(cell.getDisplayValues()[0][0]).toBe('01/07/2024');
  });

  it('runs every execution in a fresh context, and lets go of its locks when it ends', () => {
    const host = createAddonHost();
    const contexts = new Set<unknown>();
    for (let i = 0; i < 2; i++) {
      host.run('validateData');
      contexts.add(host.services.lastContext);
    }
    expect(contexts.size).toBe(2);
    host.services.lock.held = true;
    host.run('onOpen', {});
    expect(host.services.lock.held).toBe(false);
  });

  it("reads a formula's arguments with the locale's separator only; a formula into a plain-text cell stays text", () => {
    const shown = (locale: string, formula: string, format = 'General') => {
      const fake = new FakeAppsScript({ locale });
      const sheet = fake.spreadsheet.sheets[0];
      const cell = raw(sheet.getRange('A1'));
      cell.setNumberFormat(format);
      cell.setFormula(formula);
      return [cell.getDisplayValue(), sheet.linkAt(1, 1)];
    };
    expect(shown('vi_VN', '=HYPERLINK("#gid=7&range=B2";"B2")')).toEqual(['B2', '#gid=7&range=B2']);
    expect(shown('vi_VN', '=HYPERLINK("#gid=7&range=B2","B2")')).toEqual(['#ERROR!', null]);
    expect(shown('en_US', '=HYPERLINK("#gid=7&range=B2","B2")')).toEqual(['B2', '#gid=7&range=B2']);
    expect(shown('en_US', '=HYPERLINK("#gid=7&range=B2";"B2")')).toEqual(['#ERROR!', null]);
    expect(shown('de_DE', '=HYPERLINK("#gid=7";"Mở ""trang""")')).toEqual(['Mở "trang"', '#gid=7']);
    expect(shown('vi_VN', '=HYPERLINK("#gid=7&range=B2";"B2")', '@')).toEqual([
      '=HYPERLINK("#gid=7&range=B2";"B2")',
      null,
    ]);
  });

  it('counts round trips to the spreadsheet apart from builder and metadata calls', () => {
    expect(
      [
        'Range.getValues',
        'Range.setBackgrounds',
        'RangeList.setNote',
        'Spreadsheet.insertSheet',
        'SpreadsheetApp.flush',
        'Range.setDataValidations',
        'Sheet.updateChart',
        'Range.protect',
        'Protection.setDescription',
        'Protection.setWarningOnly',
      ].map(callKind),
    ).toEqual(Array(10).fill('roundTrip'));
    expect(
      [
        'RichTextValueBuilder.setText',
        'SpreadsheetApp.newRichTextValue',
        'DataValidationBuilder.build',
        'EmbeddedChart.modify',
      ].map(callKind),
    ).toEqual(['builder', 'builder', 'builder', 'builder']);
    expect(
      ['Sheet.getName', 'Sheet.getRange', 'Spreadsheet.getSheets', 'Sheet.getMaxRows'].map(callKind),
    ).toEqual(['metadata', 'metadata', 'metadata', 'metadata']);
    expect(callKind('Properties.getProperties')).toBe('service');
  });
});
