// “Tổng hợp” at a level above the units, against a stand-in server that answers what core consolidates: the
// organization named in Cài đặt goes into the routes, and the report lists the level's children, missing flagged.
import { analyzeUnitWorkbook, consolidate, readDistrictWorkbook, type WorkbookData } from '../../core';
import { raw, type FakeAppsScript, type FetchHandler, type FetchRequest } from '../../scripts/addon-host';
import { membersOf, unitWorkbook } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const YEAR = 2025;

function superiorWorkbook(code: string, name: string, below: string[][]): WorkbookData {
  return {
    sheets: [
      {
        name: 'Thông tin',
        rows: [
          ['Mã tổ chức', code],
          ['Tên tổ chức', name],
          ['Cấp trên', 'Ban Chấp hành Trung ương Đảng'],
          ['Năm', YEAR],
          ['Địa danh', 'Thử Nghiệm'],
        ],
      },
      {
        name: 'Tổ chức cơ sở',
        rows: [['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Khối', 'Xếp loại'], ...below],
      },
    ],
  };
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
      if (route === `put /v1/organizations/${YEAR}/TU-THU`) return { status: 200, body: '{"ok":true}' };
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
    expect(report.slice(0, 2).map((r) => r[0])).toEqual([
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

  it('refuses when Cài đặt and the sheet name different organizations, and sends nothing', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = open(COMMUNE, 'TU-THU', log);
    addon.consolidateDistrict();
    expect(log).toEqual([]);
    expect(fake.ui.alerts.at(-1)!.message).toBe(
      'Chưa tổng hợp: “Cài đặt” ghi mã tổ chức TU-THU nhưng trang “Thông tin” ghi “Mã tổ chức” là X-AN. Hãy sửa cho khớp rồi chạy lại.',
    );
  });
});
