import { analyzeUnitWorkbook, consolidate, readDistrictWorkbook, type WorkbookData } from '../../core';
import { raw, type FakeAppsScript, type FetchHandler, type FetchRequest } from '../../scripts/addon-host';
import { districtWorkbook, membersOf, unitWorkbook, validMembers } from './fixtures';
import { countedByKind, start, userTexts, vietnameseProblems } from './harness';

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

describe('Cấp trên: Tổng hợp toàn đảng bộ và Giao chỉ tiêu', () => {
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
      if (route === 'post /v1/consolidate/2023' || route === 'get /v1/consolidated/2023')
        return { status: 200, body: JSON.stringify(reply) };
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
      'get /v1/consolidated/2023',
    ]);
    expect(JSON.parse(log[0].payload!)).toEqual([
      { code: 'DV01', name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở', rating: 'good' },
      { code: 'DV02', name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở', rating: 'excellent' },
      { code: 'DV03', name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở', rating: 'complete' },
    ]);
    expect(log.every((r) => r.headers.Authorization === 'Bearer fake-id-token')).toBe(true);

    const reportSheet = fake.spreadsheet.sheet('Báo cáo tổng hợp');
    const unitsSheet = fake.spreadsheet.sheet('Theo đơn vị');
    expect(fake.spreadsheet.sheets.slice(0, 2)).toEqual([reportSheet, unitsSheet]);
    expect(fake.spreadsheet.activeSheet).toBe(reportSheet);
    expect(fake.spreadsheet.getSpreadsheetLocale()).toBe('vi_VN');
    const report = rowsOf(fake, 'Báo cáo tổng hợp');
    const find = (label: string, from = 0) => report.findIndex((r, i) => i >= from && r.includes(label));
    // Names and place from the district workbook's `Thông tin`; the level is whatever it says. Each heading
    // text sits unmerged in the column nearest the middle of its block (see report-placement).
    const texts = (r: string[]) => r.filter(Boolean);
    expect(report.slice(0, 3).map((r) => texts(r)[0])).toEqual([
      'ĐẢNG BỘ TỈNH THỬ NGHIỆM',
      'ĐẢNG BỘ HUYỆN THỬ',
      '*',
    ]);
    expect(texts(report[0])[1]).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts(report[1])[1]).toMatch(/^An Bình, ngày \d\d tháng \d\d? năm \d{4}$/);
    expect(texts(report[find('BÁO CÁO') + 1])[0]).toBe(
      'Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2023',
    );
    expect(
      report.some(
        (r) =>
          texts(r)[0] === 'Tổng hợp từ báo cáo của 2 tổ chức cơ sở đảng; số liệu đến 09:30 ngày 10/01/2024.',
      ),
    ).toBe(true);
    const missing = find('Tổ chức cơ sở đảng chưa gửi báo cáo');
    expect(report[missing].slice(0, 3)).toEqual(['2', 'Tổ chức cơ sở đảng chưa gửi báo cáo', '1']);
    expect(raw(reportSheet.getRange(missing + 1, 3)).getBackground()).toBe('#fce8b2');
    const members = find('Hoàn thành xuất sắc nhiệm vụ', find('II. ĐẢNG VIÊN'));
    expect(report[members - 1].slice(0, 6)).toEqual([
      'STT',
      'Mức xếp loại',
      'Viết tắt',
      'Số lượng',
      'Tỷ lệ',
      'So với năm trước (điểm phần trăm)',
    ]);
    expect(report[members][0]).toBe('1');
    expect(report[members][5]).toMatch(/^[+-]?\d+,\d\d$/);
    expect(raw(reportSheet.getRange(members + 1, 6)).getNumberFormats()[0][0]).toBe('+0.00;-0.00;0.00');
    const orgs = find('Hoàn thành xuất sắc nhiệm vụ');
    expect(orgs).toBeLessThan(members);
    expect(report[orgs].slice(0, 5)).toEqual(['1', 'Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', '1', '33,33%']);
    expect(report.some((r) => r[0] === '- Chưa có báo cáo của Đảng bộ phường 3 (DV03).')).toBe(true);
    expect(report[find('Kết nạp đảng viên')].slice(1, 5)).toEqual([
      'Kết nạp đảng viên',
      'KET_NAP_DANG_VIEN',
      '8',
      '',
    ]);
    const sign = find('T/M BAN THƯỜNG VỤ');
    expect(report[sign][0]).toBe('Nơi nhận:');
    expect(texts(report[sign + 1]).at(-1)).toBe('BÍ THƯ');
    expect(reportSheet.charts).toHaveLength(1);
    expect(reportSheet.charts[0].getType()).toBe('PIE');
    // The chart reads the member table's labels and counts.
    expect(reportSheet.charts[0].data()).toEqual([
      report.slice(members, members + 4).map((r) => [r[1]]),
      report.slice(members, members + 4).map((r) => [Number(r[3])]),
    ]);

    const units = rowsOf(fake, 'Theo đơn vị');
    expect(units[2].slice(0, 8)).toEqual([
      'STT',
      'Mã',
      'Tổ chức cơ sở đảng',
      'Báo cáo',
      'Tổng số đảng viên',
      'Được xếp loại',
      'HTXSNV',
      'HTTNV',
    ]);
    // The last row says how to read the "±" columns (change vs last year in points).
    expect(units.at(-1)![0]).toMatch(/^Cột “±”/);
    expect(units.slice(3, -1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', 'DV01', 'Có'],
      ['2', 'DV02', 'Có'],
      ['3', 'DV03', 'Chưa có'],
    ]);
    expect(units[3].slice(4, 7)).toEqual(['152', '152', '30']);
    expect(units[3][10]).toBe('19,74%');
    // The unit's change vs last year in points, one column a level, before the quota.
    expect(units[2].slice(11, 16)).toEqual(['± HTXSNV', '± HTTNV', '± HTNV', '± KHTNV', 'Định mức HTXSNV']);
    expect(units[3][11]).toMatch(/^[+-]?\d+,\d\d$/);
    expect(units[3][15]).toBe('Vượt');
    expect(units[4][15]).toBe('Đạt');
    expect(raw(unitsSheet.getRange('A4')).getBackground()).toBe('#fce8b2');
    expect(raw(unitsSheet.getRange('A5')).getBackground()).toBe('#ffffff');
    expect(new Set(raw(unitsSheet.getRange('A6:N6')).getBackgrounds()[0])).toEqual(new Set(['#fce8b2']));
    expect(unitsSheet.frozenRows).toBe(3);

    expect(fake.toasts.map((t) => t.message.slice(0, 7))).toEqual([
      'Bước 1/',
      'Bước 2/',
      'Bước 3/',
      'Đã tổng',
    ]);
    expect(fake.toasts.at(-1)!.message).toBe(
      'Đã tổng hợp báo cáo toàn đảng bộ: 2 tổ chức cơ sở đảng. Còn 1 đơn vị chưa gửi (tô màu trong trang “Theo đơn vị”).',
    );
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);

    // Once more: the sheets are rewritten in place.
    addon.consolidateDistrict();
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Báo cáo tổng hợp',
      'Theo đơn vị',
      'Thông tin',
      'Tổ chức cơ sở',
      'Giao chỉ tiêu',
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
    const run = countedByKind(fake, () => addon.assignTargets());
    expect(log).toHaveLength(0);
    // Its short headers fit on one line (no wrap call) and its widths take three calls: 14 round trips here,
    // 15 in the bench's workbook, which has one sheet more to read.
    expect(run.kinds.roundTrip).toBe(14);
    expect(raw(fake.spreadsheet.sheet('Giao chỉ tiêu').getRange('A1:D1')).getWraps()[0]).toEqual([
      false,
      false,
      false,
      false,
    ]);
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
