// End to end against the local Firebase stack (jest's globalSetup starts it): a unit sends its report
// from the sheet, the district office assigns targets and consolidates into its sheets, all through the
// BUILT add-on with real HTTP and development-key identity tokens.
import { signDevToken } from '../../scripts/dev-signing-key';
import { clearScope, closeFirestore, provision } from '../functions/emulator-firestore';
import { raw, type FakeAppsScript, realHttp } from '../../scripts/addon-host';
import { districtWorkbook, membersOf, unitWorkbook } from './fixtures';
import { start, userTexts, vietnameseProblems } from './harness';

const API_URL = process.env.XEPLOAI_API_URL ?? '';
/** This file's own year and accounts in the shared emulator (the functions tests use 2032–2037). */
const YEAR = 2041;
const UNIT = 'ADDON-U1';
const OTHER = 'ADDON-U2';
const SILENT = 'ADDON-U3';
const UNIT_USER = 'bi.thu.addon@example.org';
const DISTRICT_USER = 'van.phong.addon@example.org';

function connect(fake: FakeAppsScript, email: string): void {
  fake.identityToken = () => signDevToken(email);
  fake.documentProperties.setProperties({ 'xeploai.apiUrl': API_URL });
}

function shown(fake: FakeAppsScript, sheet: string): string[][] {
  return raw(fake.spreadsheet.sheet(sheet).getDataRange()).getDisplayValues();
}

describe('the add-on against the functions emulator', () => {
  beforeAll(async () => {
    if (!API_URL)
      throw new Error(
        'XEPLOAI_API_URL is unset: run this test through jest (test/global-setup.cjs starts the emulators).',
      );
    await clearScope({ years: [YEAR], ids: [UNIT, OTHER, SILENT, UNIT_USER, DISTRICT_USER] });
    await provision({
      units: [
        { code: UNIT, name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở' },
        { code: OTHER, name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở' },
        { code: SILENT, name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở' },
      ],
      users: [
        { email: UNIT_USER, role: 'unit', units: [UNIT] },
        { email: DISTRICT_USER, role: 'district' },
      ],
      years: [YEAR],
    });
  }, 60000);
  afterAll(async () => {
    await closeFirestore();
  });

  it('sends a unit report from the sheet, then the district consolidates it into its sheets', async () => {
    const members = membersOf({ excellent: 6, good: 40, complete: 12, notComplete: 1, exempt: 1 });
    const unit = start({
      workbook: await unitWorkbook({ code: UNIT, name: 'Đảng bộ xã An Bình', year: YEAR, members }),
      fetch: realHttp,
    });
    connect(unit.fake, UNIT_USER);
    unit.addon.sendReport();
    expect(unit.fake.consoleErrors).toEqual([]);
    expect(unit.fake.urlFetch.requests.map((r) => r.status)).toEqual([201]);
    expect(unit.fake.ui.alerts.at(-1)!.message).toMatch(
      new RegExp(
        `^Đã gửi báo cáo năm ${YEAR} của đơn vị ${UNIT}: 60 đảng viên\\.\\nPhiên bản 1, nhận lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4}\\.`,
      ),
    );
    const info = shown(unit.fake, 'Thông tin');
    expect(info.find((r) => r[0] === 'Phiên bản')![1]).toBe('1');

    // The same content again makes no new version; a changed one makes version 2.
    unit.addon.sendReport();
    expect(unit.fake.urlFetch.requests.map((r) => r.status)).toEqual([201, 200]);
    raw(unit.fake.spreadsheet.sheet('Đảng viên').getRange('G10')).setValue('Hoàn thành nhiệm vụ');
    unit.addon.sendReport();
    expect(unit.fake.ui.alerts.at(-1)!.message).toContain('Phiên bản 2');
    expect(shown(unit.fake, 'Thông tin').find((r) => r[0] === 'Phiên bản')![1]).toBe('2');

    // A unit account may not send another unit's report: refused, nothing stored, the hash kept.
    const other = start({
      workbook: await unitWorkbook({ code: OTHER, name: 'Chi bộ Thôn 3', year: YEAR, members }),
      fetch: realHttp,
    });
    connect(other.fake, UNIT_USER);
    other.addon.sendReport();
    expect(other.fake.urlFetch.requests.map((r) => r.status)).toEqual([403]);
    expect(other.fake.ui.alerts.at(-1)!.message).toContain('Báo cáo CHƯA được gửi.');
    expect(other.fake.documentProperties.getProperty('xeploai.unsentReport')).toContain(
      '"error":"E_API_FORBIDDEN"',
    );

    const district = start({
      workbook: await districtWorkbook({
        year: YEAR,
        organizations: [
          {
            code: UNIT,
            name: 'Đảng bộ xã An Bình',
            kind: 'Đảng bộ cơ sở',
            rating: 'Hoàn thành tốt nhiệm vụ',
          },
          {
            code: OTHER,
            name: 'Chi bộ Thôn 3',
            kind: 'Chi bộ cơ sở',
            rating: 'Hoàn thành xuất sắc nhiệm vụ',
          },
          { code: SILENT, name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở', rating: 'Hoàn thành nhiệm vụ' },
        ],
        targets: [
          { unit: UNIT, code: 'KET_NAP_DANG_VIEN', target: 5 },
          { unit: OTHER, code: 'KET_NAP_DANG_VIEN', target: 3 },
        ],
      }),
      fetch: realHttp,
    });
    connect(district.fake, DISTRICT_USER);
    district.addon.assignTargets();
    expect(district.fake.ui.alerts.at(-1)!.message).toBe(`Đã giao 2 chỉ tiêu cho 2 đơn vị, năm ${YEAR}.`);
    district.addon.consolidateDistrict();
    expect(district.fake.consoleErrors).toEqual([]);
    expect(
      district.fake.urlFetch.requests.map((r) => `${r.method} ${r.url.slice(API_URL.length)} ${r.status}`),
    ).toEqual([
      `put /v1/targets/${YEAR} 200`,
      `put /v1/organizations/${YEAR} 200`,
      `post /v1/consolidate/${YEAR} 200`,
      `get /v1/consolidated/${YEAR} 200`,
    ]);

    const units = shown(district.fake, 'Theo đơn vị');
    // Other test files' units share the emulator: look at this file's own.
    const mine = units.filter((r) => r[1] === 'Mã' || r[1].startsWith('ADDON-'));
    expect(mine.map((r) => [r[1], r[3]])).toEqual([
      ['Mã', 'Báo cáo'],
      [UNIT, 'Có'],
      [OTHER, 'Chưa có'],
      [SILENT, 'Chưa có'],
    ]);
    // Version 2 is the one consolidated: 6 excellent, 39 good, 13 complete, 1 not complete of 59 rated.
    expect(mine[1].slice(4, 11)).toEqual(['60', '59', '6', '39', '13', '1', '10,17%']);
    const report = shown(district.fake, 'Báo cáo tổng hợp');
    const row = (label: string) => report.find((r) => r[1] === label) ?? [];
    expect(row('Tổ chức cơ sở đảng có báo cáo')[2]).toBe('1');
    const missing = units.filter((r) => r[3] === 'Chưa có').map((r) => r[1]);
    expect(missing).toEqual(expect.arrayContaining([OTHER, SILENT]));
    expect(missing).not.toContain(UNIT);
    expect(row('Tổ chức cơ sở đảng chưa gửi báo cáo')[2]).toBe(String(missing.length));
    expect(report.some((r) => r[2] === 'KET_NAP_DANG_VIEN' && r[3] === '8')).toBe(true);
    expect(district.fake.spreadsheet.sheet('Báo cáo tổng hợp').charts).toHaveLength(1);

    // A unit account cannot consolidate.
    const intruder = start({
      workbook: await districtWorkbook({ year: YEAR, organizations: [], targets: [] }),
      fetch: realHttp,
    });
    connect(intruder.fake, UNIT_USER);
    intruder.addon.consolidateDistrict();
    expect(intruder.fake.ui.alerts.at(-1)!.message).toContain('(403)');

    expect(vietnameseProblems([unit, other, district, intruder].flatMap((s) => userTexts(s.fake)))).toEqual(
      [],
    );
  }, 180000);
});
