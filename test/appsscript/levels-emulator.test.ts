// Levels end to end against the local Firebase stack, through the BUILT add-on with real HTTP: units send, a
// commune's office assigns targets and clicks "Tổng hợp" in its workbook, the province's office rolls the
// communes up; each office's account is a superior of its own subtree only.
import type { WorkbookData } from '../../core';
import { signDevToken } from '../../scripts/dev-signing-key';
import { raw, realHttp, type FakeAppsScript } from '../../scripts/addon-host';
import { clearScope, closeFirestore, provision } from '../functions/emulator-firestore';
import { membersOf, superiorWorkbook as superiorFixture, unitWorkbook } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API_URL = process.env.XEPLOAI_API_URL ?? '';
/** This file's own year and codes in the shared emulator. */
const YEAR = 2042;
const PROVINCE = 'LV-TINH';
const COMMUNE = 'LV-XA1';
const OTHER_COMMUNE = 'LV-XA2';
const UNITS = ['LV-U1', 'LV-U2'];
const SILENT = 'LV-U3';
const UNIT_USER = 'bi.thu.levels@example.org';
const COMMUNE_USER = 'van.phong.xa1@example.org';
const PROVINCE_USER = 'van.phong.tinh@example.org';

function superiorWorkbook(
  code: string,
  name: string,
  below: string[][],
  targets: string[][] = [],
): WorkbookData {
  return superiorFixture({ code, name, year: YEAR, below, targets });
}

function office(workbook: WorkbookData, email: string, orgCode: string) {
  const started = start({ workbook, fetch: realHttp });
  started.fake.identityToken = () => signDevToken(email);
  started.fake.documentProperties.setProperties({
    'xeploai.apiUrl': API_URL,
    'xeploai.orgCode': orgCode,
    'xeploai.year': String(YEAR),
  });
  return started;
}

function routes(fake: FakeAppsScript): string[] {
  return fake.urlFetch.requests.map((r) => `${r.method} ${r.url.slice(API_URL.length)} ${r.status}`);
}

function shown(fake: FakeAppsScript, sheet: string): string[][] {
  return raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
}

describe('Tổng hợp at a commune and at the province, against the functions emulator', () => {
  beforeAll(async () => {
    if (!API_URL)
      throw new Error(
        'XEPLOAI_API_URL is unset: run this test through jest (test/global-setup.cjs starts the emulators).',
      );
    const codes = [PROVINCE, COMMUNE, OTHER_COMMUNE, ...UNITS, SILENT];
    await clearScope({ years: [YEAR], ids: [...codes, UNIT_USER, COMMUNE_USER, PROVINCE_USER] });
    await provision({
      units: [
        { code: PROVINCE, name: 'Tỉnh ủy Thử Nghiệm', parent: null },
        {
          code: COMMUNE,
          name: 'Đảng ủy xã An Bình',
          kind: 'Đảng bộ cơ sở',
          parent: PROVINCE,
          group: 'Xã, phường',
        },
        { code: OTHER_COMMUNE, name: 'Đảng ủy xã Phú Mỹ', kind: 'Đảng bộ cơ sở', parent: PROVINCE },
        { code: UNITS[0], name: 'Chi bộ Thôn 1', kind: 'Chi bộ cơ sở', parent: COMMUNE },
        { code: UNITS[1], name: 'Chi bộ Thôn 2', kind: 'Chi bộ cơ sở', parent: COMMUNE },
        { code: SILENT, name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở', parent: OTHER_COMMUNE },
      ],
      users: [
        { email: UNIT_USER, role: 'unit', units: [...UNITS, SILENT] },
        { email: COMMUNE_USER, role: 'superior', orgs: [COMMUNE] },
        { email: PROVINCE_USER, role: 'superior', orgs: [PROVINCE] },
      ],
      years: [YEAR],
    });
  }, 60000);
  afterAll(async () => {
    await closeFirestore();
  });

  it('rolls two units up into their commune, then the communes into the province, each office in its own workbook', async () => {
    const mixes = [
      { excellent: 2, good: 12, complete: 3, notComplete: 1 },
      { excellent: 1, good: 20, complete: 4, notComplete: 0 },
    ];
    for (const [at, code] of UNITS.entries()) {
      const unit = start({
        workbook: await unitWorkbook({
          code,
          name: `Chi bộ Thôn ${at + 1}`,
          year: YEAR,
          kind: 'Chi bộ cơ sở',
          members: membersOf(mixes[at]),
        }),
        fetch: realHttp,
      });
      unit.fake.identityToken = () => signDevToken(UNIT_USER);
      unit.fake.documentProperties.setProperties({ 'xeploai.apiUrl': API_URL });
      unit.addon.sendReport();
      expect(routes(unit.fake)).toEqual(['post /v1/reports 201']);
    }

    const commune = office(
      superiorWorkbook(
        COMMUNE,
        'Đảng ủy xã An Bình',
        [
          [UNITS[0], 'Chi bộ Thôn 1', 'Chi bộ cơ sở', 'Thôn, tổ dân phố', 'Hoàn thành tốt nhiệm vụ'],
          [UNITS[1], 'Chi bộ Thôn 2', 'Chi bộ cơ sở', 'Thôn, tổ dân phố', 'Hoàn thành xuất sắc nhiệm vụ'],
        ],
        [[UNITS[0], 'KET_NAP_DANG_VIEN', '3']],
      ),
      COMMUNE_USER,
      COMMUNE,
    );
    commune.addon.assignTargets();
    expect(commune.fake.ui.alerts.at(-1)!.message).toBe(`Đã giao 1 chỉ tiêu cho 1 đơn vị, năm ${YEAR}.`);
    commune.addon.consolidateDistrict();
    expect(commune.fake.consoleErrors).toEqual([]);
    expect(routes(commune.fake)).toEqual([
      `put /v1/targets/${YEAR}/${COMMUNE} 200`,
      `put /v1/organizations/${YEAR}/${COMMUNE} 200`,
      `post /v1/consolidate/${YEAR}/${COMMUNE} 200`,
      `get /v1/consolidated/${YEAR}/${COMMUNE} 200`,
    ]);
    expect(commune.fake.toasts.at(-1)!.message).toBe(
      `Đã tổng hợp báo cáo của Đảng ủy xã An Bình (${COMMUNE}): 2 tổ chức cơ sở đảng.`,
    );
    const units = shown(commune.fake, 'Theo đơn vị').filter((r) => r[1].startsWith('LV-'));
    // 18 + 25 members, as the two mixes above give them.
    expect(units.map((r) => [r[1], r[3], r[4]])).toEqual([
      [UNITS[0], 'Có', '18'],
      [UNITS[1], 'Có', '25'],
    ]);
    const communeReport = shown(commune.fake, 'Báo cáo tổng hợp');
    // The heading's left block, centred unmerged in its middle column (see report-placement).
    expect(communeReport.slice(0, 2).map((r) => r.filter(Boolean)[0])).toEqual([
      'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG',
      'ĐẢNG ỦY XÃ AN BÌNH',
    ]);
    // Units only below it: the units' sheet lists them, no table of lower organizations.
    expect(communeReport.some((r) => r[0].endsWith('Các tổ chức trực thuộc'))).toBe(false);

    // The commune's account outside its subtree: refused, nothing written.
    const elsewhere = office(
      superiorWorkbook(OTHER_COMMUNE, 'Đảng ủy xã Phú Mỹ', [
        [SILENT, 'Chi bộ Thôn 3', 'Chi bộ cơ sở', 'Thôn, tổ dân phố', 'Hoàn thành nhiệm vụ'],
      ]),
      COMMUNE_USER,
      OTHER_COMMUNE,
    );
    elsewhere.addon.consolidateDistrict();
    expect(routes(elsewhere.fake)).toEqual([`put /v1/organizations/${YEAR}/${OTHER_COMMUNE} 403`]);
    expect(elsewhere.fake.ui.alerts.at(-1)!.message).toContain('(403)');
    expect(elsewhere.fake.spreadsheet.sheets.some((s) => s.name === 'Báo cáo tổng hợp')).toBe(false);

    const province = office(
      superiorWorkbook(PROVINCE, 'Tỉnh ủy Thử Nghiệm', [
        [COMMUNE, 'Đảng ủy xã An Bình', 'Đảng bộ cơ sở', 'Xã, phường', 'Hoàn thành tốt nhiệm vụ'],
        [OTHER_COMMUNE, 'Đảng ủy xã Phú Mỹ', 'Đảng bộ cơ sở', 'Xã, phường', 'Hoàn thành nhiệm vụ'],
      ]),
      PROVINCE_USER,
      PROVINCE,
    );
    province.addon.consolidateDistrict();
    expect(province.fake.consoleErrors).toEqual([]);
    expect(routes(province.fake)).toEqual([
      `put /v1/organizations/${YEAR}/${PROVINCE} 200`,
      `post /v1/consolidate/${YEAR}/${PROVINCE} 200`,
      `get /v1/consolidated/${YEAR}/${PROVINCE} 200`,
    ]);
    const report = shown(province.fake, 'Báo cáo tổng hợp');
    const caption = report.findIndex((r) => r[0].endsWith('Các tổ chức trực thuộc'));
    expect(caption).toBeGreaterThan(0);
    // The commune: 2 units, 43 members rated 3 / 32 / 7 / 1; the other commune flagged: it sent nothing.
    expect(report.slice(caption + 2, caption + 4).map((r) => r.slice(1, 11))).toEqual([
      [COMMUNE, 'Đảng ủy xã An Bình', 'Có', '2', '43', '43', '3', '32', '7', '1'],
      [OTHER_COMMUNE, 'Đảng ủy xã Phú Mỹ', 'Chưa có', '', '', '', '', '', '', ''],
    ]);
    const sheet = province.fake.spreadsheet.sheet('Báo cáo tổng hợp');
    expect(raw(sheet.getRange(caption + 4, 2)).getBackground()).toBe('#fce8b2');
    expect(report.find((r) => r[1] === 'Tổ chức cơ sở đảng có báo cáo')![2]).toBe('2');
    expect(vietnameseProblems([commune, elsewhere, province].flatMap((s) => userTexts(s.fake)))).toEqual([]);
  }, 180000);
});
