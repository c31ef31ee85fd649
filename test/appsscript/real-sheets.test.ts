// What real Google Sheets refuses and the add-on must cope with (issue: the in-memory fake forgave it):
// each test runs the BUILT add-on in the stricter host.
import type { WorkbookData } from '../../core';
import { raw, type FetchHandler, type FetchRequest } from '../../scripts/addon-host';
import { unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { countedByKind, start, userTexts, vietnameseProblems } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const MARK = '⚠ Kiểm tra dữ liệu (xeploai):';

const accepted: FetchHandler = () => ({
  status: 201,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ year: 2023, version: 1, submittedAt: '2024-11-27T07:05:00.000Z' }),
});

function marked(fake: ReturnType<typeof start>['fake'], sheet: string): string[] {
  const notes = raw(fake.spreadsheet.sheet(sheet).getDataRange()).getNotes();
  return notes.flatMap((row, r) =>
    row.flatMap((note, c) => (note.includes(MARK) ? [`${String.fromCharCode(65 + c)}${r + 1}`] : [])),
  );
}

describe('the add-on in a spreadsheet as strict as the real one', () => {
  let good: WorkbookData;
  beforeAll(async () => {
    good = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: validMembers(60),
    });
  });

  it('holds no lock while an alert is open (an alert suspends the script until the user closes it)', () => {
    const { fake, addon } = start({ workbook: good, fetch: accepted });
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    const heldWhileOpen: string[][] = [];
    fake.ui.whileAlertOpen = (alert) => heldWhileOpen.push(alert.locksHeld);
    addon.sendReport();
    expect(fake.urlFetch.requests.map((r) => [r.status, r.lockHeld])).toEqual([[201, true]]);
    expect(fake.ui.alerts.at(-1)!.message).toContain('Phiên bản 1');
    expect(heldWhileOpen).toEqual([[]]);
    // A second editor sending meanwhile is not told that someone else is sending.
    const second = start({ workbook: good, fetch: accepted });
    second.fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    fake.ui.whileAlertOpen = (alert) => {
      second.fake.lock.heldElsewhere = alert.locksHeld.includes('document');
      second.addon.sendReport();
    };
    addon.sendReport();
    expect(second.fake.ui.alerts.at(-1)!.message).not.toContain('Một người khác đang gửi');
  });

  it('waits for a lock another execution holds briefly, and gives up after its timeout', () => {
    const { fake, addon } = start({ workbook: good, fetch: accepted });
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    fake.lock.heldElsewhere = true;
    fake.lock.heldElsewhereMs = 3000;
    addon.sendReport();
    expect(fake.lock.waitedMs).toEqual([3000]);
    expect(fake.urlFetch.requests).toHaveLength(1);
    // The script and user locks are other locks: holding them changes nothing for the document lock.
    fake.scriptLock.heldElsewhere = true;
    fake.userLock.heldElsewhere = true;
    fake.lock.heldElsewhere = true;
    fake.lock.heldElsewhereMs = Infinity;
    addon.sendReport();
    expect(fake.lock.waitedMs).toEqual([3000, 10000]);
    expect(fake.urlFetch.requests).toHaveLength(1);
    expect(fake.ui.alerts.at(-1)!.message).toContain('Một người khác đang gửi');
  });

  it('treats a server outside the allowlist as final: no retry, a message saying what to do', () => {
    const { fake, addon } = start({ workbook: good, fetch: accepted });
    // Stored before the settings refused such an address (or by hand).
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': 'https://xeploai.example.org/api' });
    addon.sendReport();
    expect(fake.urlFetch.refused).toEqual(['https://xeploai.example.org/api/v1/reports']);
    expect(fake.urlFetch.requests).toEqual([]);
    expect(fake.utilities.sleeps).toEqual([]);
    const message = fake.ui.alerts.at(-1)!.message;
    expect(message).toContain('Báo cáo CHƯA được gửi.');
    expect(message).toContain('nằm ngoài danh sách máy chủ được phép');
    expect(message).toContain('“Cài đặt”');
    expect(fake.documentProperties.getProperty('xeploai.unsentReport')).toContain(
      '"error":"E_API_NOT_ALLOWED"',
    );
    expect(vietnameseProblems(userTexts(fake).filter((t) => !t.includes('example.org')))).toEqual([]);
  });

  it('asks for the scopes the user did not grant instead of retrying a "network" error', () => {
    const { fake, addon } = start({
      workbook: good,
      fetch: accepted,
      grantedScopes: scopesWithout('https://www.googleapis.com/auth/script.external_request'),
    });
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    addon.sendReport();
    expect(fake.urlFetch.requests).toEqual([]);
    expect(fake.utilities.sleeps).toEqual([]);
    const message = fake.ui.alerts.at(-1)!.message;
    expect(message).toContain('chưa được cấp đủ quyền');
    expect(message).toContain('https://script.google.com/');
    // Granted: it sends.
    fake.grantedScopes.add('https://www.googleapis.com/auth/script.external_request');
    addon.sendReport();
    expect(fake.urlFetch.requests.map((r) => r.status)).toEqual([201]);
  });

  it('reads only the sheets the check needs, never a large unrelated one', () => {
    const other = Array.from({ length: 5000 }, (_, i) => [`Dòng ${i + 1}`, i, 'ghi chép riêng']);
    const { fake, addon } = start({
      workbook: { sheets: [...good.sheets, { name: 'Sổ theo dõi', rows: other }] },
    });
    const run = countedByKind(fake, () => addon.validateData());
    expect(run.calls['Range.getValues']).toBe(2);
    expect(fake.consoleErrors).toEqual([]);
    // A member sheet under another name is still found, from the first rows of each sheet.
    const renamed = good.sheets.map((s) => (s.name === 'Đảng viên' ? { ...s, name: 'Danh sách 2023' } : s));
    const found = start({ workbook: { sheets: renamed } });
    found.addon.validateData();
    expect(found.fake.toasts.at(-1)!.message).toBe('Kiểm tra xong: không có lỗi nào.');
  });

  it("reads dates in the spreadsheet's time zone, whatever the script's", () => {
    const bodies: FetchRequest[] = [];
    const { fake, addon } = start({
      workbook: good,
      timeZone: 'Asia/Tokyo',
      fetch: (request) => (bodies.push(request), accepted(request)),
    });
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    // Sheets gives 01/01/1980 as midnight in Tokyo: 15:00 UTC the day before.
    expect(raw(fake.spreadsheet.sheet('Đảng viên').getRange('D4')).getValue()).toEqual(
      new Date(Date.UTC(1979, 11, 31, 15)),
    );
    addon.sendReport();
    const report = JSON.parse(bodies[0].payload!) as {
      members: { birthDate?: string; admittedOn?: string }[];
    };
    expect(report.members[0].birthDate).toBe('1980-01-01');
    expect(report.members[0].admittedOn).toBe('2005-01-01');
    expect(report.members[30].birthDate).toBe('1980-07-03');
  });

  it('marks only the changed cells, leaving a range the user may not edit alone', async () => {
    const members = withThreeErrors(validMembers(60)).map((m, i) =>
      i === 30 || i === 50 ? { ...m, rating: 'Tốt lắm', reason: undefined } : m,
    );
    const workbook = await unitWorkbook({ code: 'DV01', name: 'Đảng bộ xã An Bình', year: 2023, members });
    const { fake, addon } = start({ workbook });
    const sheet = fake.spreadsheet.sheet('Đảng viên');
    // The owner protected rows 20–40; this user is not among its editors. Row 34 (member 31) is inside.
    sheet.addProtection(raw(sheet.getRange('A20:L40')), ['chu.so.huu@example.org']);
    addon.validateData();
    expect(fake.consoleErrors).toEqual([]);
    expect(marked(fake, 'Đảng viên')).toEqual(['G5', 'G6', 'G7', 'G54']);
    // Its issue is still listed in `Lỗi`.
    const listed = raw(fake.spreadsheet.sheet('Lỗi').getDataRange())
      .getValues()
      .map((r) => `${r[2]}${r[3]}`);
    expect(listed).toContain('34G');
    // Nothing outside the marked cells was written: a cell coloured meanwhile keeps its colour.
    expect(raw(sheet.getRange('B10')).getBackground()).toBe('#ffffff');
    addon.validateData();
    expect(marked(fake, 'Đảng viên')).toEqual(['G5', 'G6', 'G7', 'G54']);
  });
});

function scopesWithout(scope: string): string[] {
  return [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.external_request',
    'openid',
    'https://www.googleapis.com/auth/userinfo.email',
  ].filter((s) => s !== scope);
}
