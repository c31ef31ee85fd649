import { analyzeUnitWorkbook, consolidate, readDistrictWorkbook, type WorkbookData } from '../../core';
import { raw, type FakeAppsScript, type FetchHandler, type FetchRequest } from '../../scripts/addon-host';
import { districtWorkbook, membersOf, unitWorkbook, validMembers } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const ORGANIZATIONS = [
  { code: 'DV01', name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở', rating: 'Tốt' },
  { code: 'DV02', name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở', rating: 'Hoàn thành xuất sắc nhiệm vụ' },
  { code: 'DV03', name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở', rating: 'HTNV' },
];
const TARGETS = [
  { unit: 'DV01', code: 'KET_NAP_DANG_VIEN', target: 5 },
  { unit: 'DV02', code: 'ket nap dang vien', target: 3 },
];

async function summaryOf(
  code: string,
  name: string,
  year: number,
  members: ReturnType<typeof membersOf>,
  kind?: string,
) {
  const analysis = analyzeUnitWorkbook(await unitWorkbook({ code, name, year, members, kind }));
  if (!analysis.ok) throw new Error('fixture');
  return analysis.summary;
}

function rowsOf(fake: FakeAppsScript, sheet: string): string[][] {
  return raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
}

describe('Cấp trên: Tổng hợp toàn huyện và Giao chỉ tiêu', () => {
  let district: WorkbookData;
  let reply: object;
  beforeAll(async () => {
    district = await districtWorkbook({ year: 2023, organizations: ORGANIZATIONS, targets: TARGETS });
    // What the server answers: core's consolidation of two units' summaries (DV03 has not reported).
    const units = [
      await summaryOf(
        'DV01',
        'Đảng bộ xã An Bình',
        2023,
        membersOf({ excellent: 30, good: 100, complete: 20, notComplete: 2 }),
      ),
      await summaryOf('DV02', 'Chi bộ Thôn 3', 2023, validMembers(40), 'Chi bộ cơ sở'),
    ];
    const previous = consolidate([await summaryOf('DV01', 'Đảng bộ xã An Bình', 2022, validMembers(150))], {
      year: 2022,
    });
    const consolidation = consolidate(units, {
      year: 2023,
      district: readDistrictWorkbook(district).data,
      previous,
    });
    reply = { ...consolidation, missing: ['DV03'], asOf: '2024-01-10T02:30:00.000Z' };
  });

  function server(
    log: FetchRequest[],
    overrides: Record<string, { status: number; body: string }> = {},
  ): FetchHandler {
    return (request) => {
      log.push(request);
      const route = `${request.method} ${request.url.slice(API.length)}`;
      if (overrides[route]) return overrides[route];
      if (route === 'put /v1/organizations/2023' || route === 'put /v1/targets/2023')
        return { status: 200, body: '{"ok":true}' };
      if (route === 'post /v1/consolidate/2023') return { status: 200, body: JSON.stringify(reply) };
      return { status: 404, body: '{"error":{"code":"E_NOT_FOUND","message":"Không có."}}' };
    };
  }

  function setUp(workbook: WorkbookData, handler: FetchHandler) {
    const started = start({ workbook, fetch: handler });
    started.fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    return started;
  }

  it('sends the organizations, consolidates, and writes both report sheets with a chart', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = setUp(district, server(log));
    addon.consolidateDistrict();
    expect(fake.consoleErrors).toEqual([]);
    expect(log.map((r) => `${r.method} ${r.url.slice(API.length)}`)).toEqual([
      'put /v1/organizations/2023',
      'post /v1/consolidate/2023',
    ]);
    expect(JSON.parse(log[0].payload!)).toEqual([
      { code: 'DV01', name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở', rating: 'good' },
      { code: 'DV02', name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở', rating: 'excellent' },
      { code: 'DV03', name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở', rating: 'complete' },
    ]);
    expect(log.every((r) => r.headers.Authorization === 'Bearer fake-id-token')).toBe(true);

    const report = rowsOf(fake, 'Báo cáo tổng hợp');
    expect(report[0][0]).toBe('BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM 2023');
    expect(report[1][0]).toBe('Số liệu đến 09:30 ngày 10/01/2024.');
    expect(report[2].slice(0, 3)).toEqual([
      'Số đơn vị đã gửi báo cáo',
      '2',
      'Đảng bộ cơ sở: 1; Chi bộ cơ sở: 1',
    ]);
    expect(report[3].slice(0, 3)).toEqual(['Số đơn vị chưa gửi báo cáo', '1', 'DV03']);
    const reportSheet = fake.spreadsheet.sheet('Báo cáo tổng hợp');
    expect(raw(reportSheet.getRange('B4')).getBackground()).toBe('#f4c7c3');
    const titles = report.map((r) => r[0]);
    expect(titles).toEqual(
      expect.arrayContaining(['Đảng viên', 'Tổ chức cơ sở đảng', 'Thực hiện chỉ tiêu', 'Cần lưu ý']),
    );
    const members = titles.indexOf('Đảng viên');
    expect(report[members + 1]).toEqual([
      'Mức xếp loại',
      'Số lượng',
      'Tỷ lệ',
      'So với năm trước',
      ...report[members + 1].slice(4),
    ]);
    expect(report[members + 2][0]).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(report[members + 2][3]).toMatch(/^(tăng|giảm) \d+,\d\d điểm %$|^không đổi$/);
    const orgs = titles.indexOf('Tổ chức cơ sở đảng');
    expect(report[orgs + 2].slice(0, 3)).toEqual(['Hoàn thành xuất sắc nhiệm vụ', '1', '33,33%']);
    expect(report.some((r) => r[0] === 'Chưa có báo cáo của Đảng bộ phường 3 (DV03).')).toBe(true);
    expect(report.some((r) => r[0] === 'KET_NAP_DANG_VIEN' && r[2] === '8')).toBe(true);
    expect(reportSheet.charts).toHaveLength(1);
    expect(reportSheet.charts[0].record.type).toBe('PIE');
    expect(fake.spreadsheet.activeSheet).toBe(reportSheet);

    const units = rowsOf(fake, 'Theo đơn vị');
    expect(units[0].slice(0, 8)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại hình',
      'Báo cáo',
      'Tổng số',
      'Được xếp loại',
      'HTXSNV',
      'Tỷ lệ HTXSNV',
    ]);
    expect(units.map((r) => [r[0], r[3]])).toEqual([
      ['Mã đơn vị', 'Báo cáo'],
      ['DV01', 'Đã gửi'],
      ['DV02', 'Đã gửi'],
      ['DV03', 'Chưa gửi'],
    ]);
    expect(units[1].slice(4, 8)).toEqual(['152', '152', '30', '19,74%']);
    expect(units[1][15]).toBe('Vượt (tối đa 20)');
    expect(units[2][15]).toBe('Trong định mức');
    const unitsSheet = fake.spreadsheet.sheet('Theo đơn vị');
    expect(raw(unitsSheet.getRange('G2:H2')).getBackgrounds()[0]).toEqual(['#fce8b2', '#fce8b2']);
    expect(raw(unitsSheet.getRange('G3')).getBackground()).toBe('#ffffff');
    expect(new Set(raw(unitsSheet.getRange('A4:R4')).getBackgrounds()[0])).toEqual(new Set(['#f4c7c3']));
    expect(unitsSheet.frozenRows).toBe(1);

    expect(fake.toasts.map((t) => t.message.slice(0, 7))).toEqual([
      'Bước 1/',
      'Bước 2/',
      'Bước 3/',
      'Đã tổng',
    ]);
    expect(fake.toasts.at(-1)!.message).toBe(
      'Đã tổng hợp 2 đơn vị. Còn 1 đơn vị chưa gửi (tô đỏ trong trang “Theo đơn vị”).',
    );
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);

    // Once more: the sheets are rewritten in place.
    addon.consolidateDistrict();
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Thông tin',
      'Tổ chức cơ sở',
      'Giao chỉ tiêu',
      'Theo đơn vị',
      'Báo cáo tổng hợp',
    ]);
    expect(reportSheet.charts).toHaveLength(1);
  });

  it('assigns the targets of `Giao chỉ tiêu`', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = setUp(district, server(log));
    addon.assignTargets();
    expect(log).toHaveLength(1);
    expect(log[0].method).toBe('put');
    expect(log[0].url).toBe(`${API}/v1/targets/2023`);
    expect(JSON.parse(log[0].payload!)).toEqual([
      { unit: 'DV01', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 5 },
      { unit: 'DV02', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 3 },
    ]);
    expect(fake.ui.alerts.at(-1)!.message).toBe('Đã giao 2 chỉ tiêu cho 2 đơn vị, năm 2023.');
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
  });

  it('creates an empty `Giao chỉ tiêu` sheet when there is none, and sends nothing', () => {
    const log: FetchRequest[] = [];
    const { fake, addon } = setUp({ sheets: [{ name: 'Thông tin', rows: [['Năm', 2023]] }] }, server(log));
    addon.assignTargets();
    expect(log).toHaveLength(0);
    expect(raw(fake.spreadsheet.sheet('Giao chỉ tiêu').getRange('A1:D1')).getValues()[0]).toEqual([
      'Mã đơn vị',
      'Mã chỉ tiêu',
      'Tên chỉ tiêu',
      'Kế hoạch',
    ]);
    expect(fake.ui.alerts.at(-1)!.message).toContain('đã tạo trang này');
  });

  it('refuses a district sheet with errors, a missing year, and reports server refusals', async () => {
    const log: FetchRequest[] = [];
    const broken = await districtWorkbook({
      year: 2023,
      organizations: [{ ...ORGANIZATIONS[0], rating: 'Tốt lắm' }],
      targets: [],
    });
    const bad = setUp(broken, server(log));
    bad.addon.consolidateDistrict();
    expect(log).toHaveLength(0);
    expect(bad.fake.ui.alerts.at(-1)!.message).toContain('Không nhận ra mức xếp loại “Tốt lắm”');

    const noYear = setUp(
      {
        sheets: [
          {
            name: 'Tổ chức cơ sở',
            rows: [
              ['Mã đơn vị', 'Xếp loại'],
              ['DV01', 'Tốt'],
            ],
          },
        ],
      },
      server(log),
    );
    noYear.addon.consolidateDistrict();
    expect(log).toHaveLength(0);
    expect(noYear.fake.ui.alerts.at(-1)!.message).toContain('Chưa có năm đánh giá');

    const forbidden = setUp(
      district,
      server(log, {
        'post /v1/consolidate/2023': {
          status: 403,
          body: '{"error":{"code":"E_FORBIDDEN","message":"Chỉ cấp trên được tổng hợp."}}',
        },
      }),
    );
    forbidden.addon.consolidateDistrict();
    expect(forbidden.fake.ui.alerts.at(-1)!.message).toBe(
      'Chưa tổng hợp được.\nTài khoản này không có quyền thực hiện việc này (403). Máy chủ báo: Chỉ cấp trên được tổng hợp.',
    );
    expect(forbidden.fake.spreadsheet.sheets.some((s) => s.name === 'Báo cáo tổng hợp')).toBe(false);
    expect(
      vietnameseProblems([...userTexts(bad.fake), ...userTexts(noYear.fake), ...userTexts(forbidden.fake)]),
    ).toEqual([]);
  });
});
