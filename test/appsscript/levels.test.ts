// “Tổng hợp” at a level above the units, against a stand-in server that answers what core consolidates: the
// organization named in Cài đặt goes into the routes, and the report lists the level's children, missing flagged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../cli/read-workbook';
import { analyzeUnitWorkbook, consolidate, readDistrictWorkbook, type WorkbookData } from '../../core';
import {
  raw,
  writeXlsx,
  type FakeAppsScript,
  type FetchHandler,
  type FetchRequest,
} from '../../scripts/addon-host';
import { membersOf, superiorWorkbook as superiorFixture, unitWorkbook } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const YEAR = 2025;

function superiorWorkbook(code: string, name: string, below: string[][]): WorkbookData {
  return superiorFixture({ code, name, year: YEAR, below });
}

const PROVINCE = superiorWorkbook('TU-THU', 'Tỉnh ủy Thử Nghiệm', [
  ['X-AN', 'Đảng ủy xã An Bình', 'Đảng bộ xã', 'Xã, phường', 'Hoàn thành tốt nhiệm vụ'],
  ['X-PHU', 'Đảng ủy xã Phú Mỹ', 'Đảng bộ xã', 'Xã, phường', 'Hoàn thành nhiệm vụ'],
]);
const COMMUNE = superiorWorkbook('X-AN', 'Đảng ủy xã An Bình', [
  ['AN01', 'Chi bộ Thôn 1', 'Chi bộ cơ sở', 'Thôn, tổ dân phố', 'Hoàn thành tốt nhiệm vụ'],
  ['AN02', 'Chi bộ Thôn 2', 'Chi bộ cơ sở', 'Thôn, tổ dân phố', 'Hoàn thành xuất sắc nhiệm vụ'],
]);

function rowsOf(fake: FakeAppsScript, sheet: string): string[][] {
  return raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
}

describe('Tổng hợp at a level named in Cài đặt', () => {
  let reply: object;
  beforeAll(async () => {
    const summary = async (code: string, name: string, excellent: number, good: number) => {
      const members = membersOf({ excellent, good, complete: 3, notComplete: 1 });
      const analysis = analyzeUnitWorkbook(
        await unitWorkbook({ code, name, year: YEAR, members, kind: 'Chi bộ cơ sở' }),
      );
      if (!analysis.ok) throw new Error('fixture');
      return analysis.summary;
    };
    // The commune's stored consolidation (both units), then the province's roll-up of it: X-PHU sent nothing.
    const commune = consolidate(
      [await summary('AN01', 'Chi bộ Thôn 1', 2, 10), await summary('AN02', 'Chi bộ Thôn 2', 1, 20)],
      {
        year: YEAR,
        district: readDistrictWorkbook(COMMUNE).data,
        organization: { code: 'X-AN', name: 'Đảng ủy xã An Bình' },
      },
    );
    const province = consolidate([commune], {
      year: YEAR,
      district: readDistrictWorkbook(PROVINCE).data,
      organization: { code: 'TU-THU', name: 'Tỉnh ủy Thử Nghiệm' },
    });
    reply = { ...province, missing: ['X-PHU'], asOf: '2026-01-10T02:30:00.000Z' };
  });

  function server(log: FetchRequest[]): FetchHandler {
    return (request) => {
      log.push(request);
      const route = `${request.method} ${request.url.slice(API.length)}`;
      if (route === `put /v1/organizations/${YEAR}/TU-THU` || route === `put /v1/targets/${YEAR}/X-AN`)
        return { status: 200, body: '{"ok":true}' };
      if (route === `post /v1/consolidate/${YEAR}/TU-THU` || route === `get /v1/consolidated/${YEAR}/TU-THU`)
        return { status: 200, body: JSON.stringify(reply) };
      return { status: 404, body: '{"error":{"code":"NOT_FOUND","message":"Không có."}}' };
    };
  }

  function open(workbook: WorkbookData, orgCode: string, log: FetchRequest[]) {
    const started = start({ workbook, fetch: server(log) });
    started.fake.documentProperties.setProperties({ 'xeploai.apiUrl': API, 'xeploai.orgCode': orgCode });
    return started;
  }

  it('consolidates the province over its communes and lists them, the one that sent nothing flagged', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = open(PROVINCE, 'TU-THU', log);
    addon.consolidateDistrict();
    expect(fake.consoleErrors).toEqual([]);
    expect(log.map((r) => `${r.method} ${r.url.slice(API.length)}`)).toEqual([
      `put /v1/organizations/${YEAR}/TU-THU`,
      `post /v1/consolidate/${YEAR}/TU-THU`,
      `get /v1/consolidated/${YEAR}/TU-THU`,
    ]);
    expect(JSON.parse(log[0].payload!)).toEqual([
      {
        code: 'X-AN',
        name: 'Đảng ủy xã An Bình',
        kind: 'Đảng bộ cơ sở',
        group: 'Xã, phường',
        rating: 'good',
      },
      {
        code: 'X-PHU',
        name: 'Đảng ủy xã Phú Mỹ',
        kind: 'Đảng bộ cơ sở',
        group: 'Xã, phường',
        rating: 'complete',
      },
    ]);
    const report = rowsOf(fake, 'Báo cáo tổng hợp');
    // The heading's left block, centred unmerged in its middle column (see report-placement).
    expect(report.slice(0, 2).map((r) => r.filter(Boolean)[0])).toEqual([
      'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG',
      'TỈNH ỦY THỬ NGHIỆM',
    ]);
    const caption = report.findIndex((r) => r[0].endsWith('Các tổ chức trực thuộc'));
    expect(caption).toBeGreaterThan(0);
    const header = report[caption + 1];
    expect(header.slice(0, 7)).toEqual([
      'STT',
      'Mã',
      'Tổ chức trực thuộc',
      'Báo cáo',
      'Số tổ chức cơ sở đảng',
      'Tổng số đảng viên',
      'Được xếp loại',
    ]);
    // X-AN: 2 units, 16 + 25 members, 3 + 30 rated above "complete"; X-PHU: nothing, flagged.
    expect(report.slice(caption + 2, caption + 4).map((r) => r.slice(0, 11))).toEqual([
      ['1', 'X-AN', 'Đảng ủy xã An Bình', 'Có', '2', '41', '41', '3', '30', '6', '2'],
      ['2', 'X-PHU', 'Đảng ủy xã Phú Mỹ', 'Chưa có', '', '', '', '', '', '', ''],
    ]);
    const sheet = fake.spreadsheet.sheet('Báo cáo tổng hợp');
    expect(raw(sheet.getRange(caption + 3, 2)).getBackground()).toBe('#ffffff');
    expect(raw(sheet.getRange(caption + 4, 2)).getBackground()).toBe('#fce8b2');
    expect(fake.toasts.at(-1)!.message).toBe(
      'Đã tổng hợp báo cáo của Tỉnh ủy Thử Nghiệm (TU-THU): 2 tổ chức cơ sở đảng. Còn 1 đơn vị chưa gửi (tô màu trong trang “Theo đơn vị”).',
    );
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it("assigns the level's targets to the organizations directly below it", () => {
    const log: FetchRequest[] = [];
    const commune: WorkbookData = {
      sheets: [
        ...COMMUNE.sheets,
        {
          name: 'Giao chỉ tiêu',
          rows: [
            ['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'],
            ['AN01', 'KET_NAP_DANG_VIEN', 2],
          ],
        },
      ],
    };
    const { fake, addon } = open(commune, 'X-AN', log);
    addon.assignTargets();
    expect(log.map((r) => `${r.method} ${r.url.slice(API.length)}`)).toEqual([
      `put /v1/targets/${YEAR}/X-AN`,
    ]);
    expect(JSON.parse(log[0].payload!)).toEqual([
      { unit: 'AN01', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 2 },
    ]);
    expect(fake.ui.alerts.at(-1)!.message).toBe('Đã giao 1 chỉ tiêu cho 1 đơn vị, năm 2025.');
  });

  it('refuses when Cài đặt and the sheet name different organizations, and sends nothing', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = open(COMMUNE, 'TU-THU', log);
    addon.consolidateDistrict();
    expect(fake.ui.alerts.at(-1)!.message).toBe(
      'Chưa tổng hợp: “Cài đặt” ghi mã tổ chức TU-THU nhưng trang “Thông tin” ghi “Mã tổ chức” là X-AN. Hãy sửa cho khớp rồi chạy lại.',
    );
    addon.assignTargets(); // creates the missing `Giao chỉ tiêu` sheet, then:
    addon.assignTargets();
    expect(fake.ui.alerts.at(-1)!.message).toMatch(/^Chưa giao: “Cài đặt” ghi mã tổ chức TU-THU/);
    expect(log).toEqual([]);
  });
});

describe('Tạo biểu mẫu cấp trên', () => {
  const USER_SHEET = [
    ['Việc cần làm', 'Hạn'],
    ['Họp chi ủy', '05/01/2026'],
  ];
  const USER_TARGETS = [
    ['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'],
    ['AN01', 'KET_NAP_DANG_VIEN', 4],
  ];

  it("creates the superior's sheets that are missing, keeps the user's, and the CLI reads what is filled in", async () => {
    const { fake, addon } = start({
      workbook: {
        sheets: [
          { name: 'Ghi chép', rows: USER_SHEET },
          { name: 'giao chi tieu', rows: USER_TARGETS },
        ],
      },
    });
    fake.documentProperties.setProperties({ 'xeploai.orgCode': 'X-AN', 'xeploai.year': '2025' });
    addon.createSuperiorSheets();
    expect(fake.consoleErrors).toEqual([]);
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Ghi chép',
      'giao chi tieu',
      'Thông tin',
      'Tổ chức cơ sở',
    ]);
    expect(rowsOf(fake, 'Ghi chép')).toEqual(USER_SHEET);
    expect(rowsOf(fake, 'giao chi tieu')).toEqual(USER_TARGETS.map((r) => r.map(String)));
    expect(rowsOf(fake, 'Thông tin')).toEqual([
      ['Mục', 'Giá trị'],
      ['Mã tổ chức', 'X-AN'],
      ['Tên tổ chức', ''],
      ['Cấp trên', ''],
      ['Năm', '2025'],
      ['Địa danh', ''],
    ]);
    const organizations = fake.spreadsheet.sheet('Tổ chức cơ sở');
    expect(rowsOf(fake, 'Tổ chức cơ sở')[0]).toEqual([
      'Mã đơn vị',
      'Tên tổ chức',
      'Loại hình',
      'Khối',
      'Xếp loại',
      'Điểm',
      'Sáp nhập từ',
      'Ghi chú',
    ]);
    expect(raw(organizations.getRange('E2')).getDataValidation()!.getCriteriaValues()[0]).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect(fake.ui.alerts.at(-1)!.message).toMatch(
      /^Đã tạo trang “Thông tin”, “Tổ chức cơ sở”\.\nCác trang đã có được giữ nguyên, không ghi đè dữ liệu:\n• “giao chi tieu”: chưa có “Tên chỉ tiêu”\.\n/,
    );
    expect(fake.spreadsheet.getSpreadsheetLocale()).toBe('vi_VN');

    // What the office then types in, as the CLI and “Tổng hợp” read it.
    raw(fake.spreadsheet.sheet('Thông tin').getRange('B3:B6')).setValues([
      ['Đảng ủy xã An Bình'],
      ['Đảng bộ tỉnh Thử Nghiệm'],
      [2025],
      ['An Bình'],
    ]);
    raw(organizations.getRange('A2:G3')).setValues([
      [
        'AN01',
        'Chi bộ Thôn 1',
        'Chi bộ cơ sở',
        'Thôn, tổ dân phố',
        'Hoàn thành tốt nhiệm vụ',
        82,
        'CB07; CB09',
      ],
      ['AN02', 'Chi bộ Trường Tiểu học', 'Chi bộ cơ sở', 'Trường học', 'Hoàn thành nhiệm vụ', '', ''],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'xeploai-superior-')), 'cap-tren.xlsx');
    expect(await writeXlsx(fake.spreadsheet, file)).toEqual({ ok: true });
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.message);
    const { data, issues } = readDistrictWorkbook(read.workbook);
    expect(issues).toEqual([]);
    expect(data.info).toEqual({
      code: 'X-AN',
      name: 'Đảng ủy xã An Bình',
      superior: 'Đảng bộ tỉnh Thử Nghiệm',
      year: 2025,
      place: 'An Bình',
    });
    expect(data.organizations.map(({ row: _row, ...o }) => o)).toEqual([
      {
        code: 'AN01',
        name: 'Chi bộ Thôn 1',
        kind: 'Chi bộ cơ sở',
        group: 'Thôn, tổ dân phố',
        rating: 'good',
        score: 82,
        mergedFrom: ['CB07', 'CB09'],
      },
      {
        code: 'AN02',
        name: 'Chi bộ Trường Tiểu học',
        kind: 'Chi bộ cơ sở',
        group: 'Trường học',
        rating: 'complete',
      },
    ]);
    expect(data.assignedTargets.map((t) => [t.unit, t.code, t.target])).toEqual([
      ['AN01', 'KET_NAP_DANG_VIEN', 4],
    ]);

    // Once more: nothing is created or written.
    const before = fake.spreadsheet.sheets.map((s) => rowsOf(fake, s.name));
    addon.createSuperiorSheets();
    expect(fake.spreadsheet.sheets.map((s) => rowsOf(fake, s.name))).toEqual(before);
    expect(fake.ui.alerts.at(-1)!.message).toMatch(
      /^Các trang đã có được giữ nguyên, không ghi đè dữ liệu:\n• “Thông tin”: đủ các cột chuẩn\.\n• “Tổ chức cơ sở”: đủ các cột chuẩn\.\n/,
    );
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
    expect(userTexts(fake).join('\n')).not.toMatch(/huyện/i);
  });
});
