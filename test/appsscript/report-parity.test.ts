import { buildReportWorkbook } from '../../cli/report/workbook';
import {
  analyzeUnitWorkbook,
  consolidate,
  readDistrictWorkbook,
  readIssuer,
  type Consolidation,
  type WorkbookData,
} from '../../core';
import { raw } from '../../scripts/addon-host';
import { districtWorkbook, membersOf, unitWorkbook, validMembers } from './fixtures';
import { start } from './harness';

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';

/** Adds a `Đảng viên dự bị` column to the member sheet, marked on its first `count` members. */
function withProbationary(workbook: WorkbookData, count: number): WorkbookData {
  return {
    sheets: workbook.sheets.map((sheet) => {
      if (sheet.name !== 'Đảng viên') return sheet;
      const header = sheet.rows.findIndex((row) => row.includes('Họ và tên'));
      return {
        ...sheet,
        rows: sheet.rows.map((row, r) =>
          r === header
            ? [...row, 'Đảng viên dự bị']
            : r > header && r <= header + count
              ? [...row, 'x']
              : row,
        ),
      };
    }),
  };
}

async function summaryOf(
  code: string,
  name: string,
  members: ReturnType<typeof membersOf>,
  year = 2023,
  probationary = 0,
) {
  const analysis = analyzeUnitWorkbook(
    withProbationary(await unitWorkbook({ code, name, year, members }), probationary),
  );
  if (!analysis.ok) throw new Error('fixture');
  return analysis.summary;
}

/** Every number cell of a grid with its format, by address: what a reader of either file gets. */
type Figures = Record<string, { value: number; format: string }>;

describe('the add-on’s report sheets and the CLI’s workbook', () => {
  it('carry the same figures with the same formats, cell for cell', async () => {
    const district = await districtWorkbook({
      year: 2023,
      organizations: [
        { code: 'DV01', name: 'Đảng bộ xã An Bình', kind: 'Đảng bộ cơ sở', rating: 'Tốt' },
        { code: 'DV02', name: 'Chi bộ Thôn 3', kind: 'Chi bộ cơ sở', rating: 'HTXSNV' },
        { code: 'DV03', name: 'Đảng bộ phường 3', kind: 'Đảng bộ cơ sở', rating: 'HTNV' },
      ],
      targets: [{ unit: 'DV01', code: 'KET_NAP_DANG_VIEN', target: 5 }],
    });
    const consolidation: Consolidation = consolidate(
      [
        await summaryOf(
          'DV01',
          'Đảng bộ xã An Bình',
          membersOf({ excellent: 30, good: 100, complete: 20, notComplete: 2 }),
        ),
        await summaryOf('DV02', 'Chi bộ Thôn 3', validMembers(40), 2023, 3),
      ],
      {
        year: 2023,
        district: readDistrictWorkbook(district).data,
        previous: consolidate([await summaryOf('DV01', 'Đảng bộ xã An Bình', validMembers(150), 2022)], {
          year: 2022,
        }),
      },
    );
    const asOf = '2024-01-10T02:30:00.000Z';
    const { fake, addon } = start({
      workbook: district,
      fetch: (request) => {
        const route = `${request.method} ${request.url.slice(API.length)}`;
        if (route === 'post /v1/consolidate/2023' || route === 'get /v1/consolidated/2023')
          return { status: 200, body: JSON.stringify({ ...consolidation, missing: ['DV03'], asOf }) };
        return { status: 200, body: '{"ok":true}' };
      },
    });
    fake.documentProperties.setProperties({ 'xeploai.apiUrl': API });
    addon.consolidateDistrict();
    expect(fake.consoleErrors).toEqual([]);

    const book = buildReportWorkbook(consolidation, {
      issuer: readIssuer(district),
      organizations: readDistrictWorkbook(district).data.organizations,
      date: new Date(),
      asOf,
    });
    for (const name of ['Báo cáo tổng hợp', 'Theo đơn vị']) {
      const sheet = raw(fake.spreadsheet.sheet(name).getDataRange());
      const values = sheet.getValues();
      const formats = sheet.getNumberFormats();
      const fromAddon: Figures = {};
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (typeof value === 'number') fromAddon[`${r + 1}:${c + 1}`] = { value, format: formats[r][c] };
        }),
      );
      const fromCli: Figures = {};
      book.getWorksheet(name)!.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (typeof cell.value === 'number')
            fromCli[`${r}:${c}`] = { value: cell.value, format: cell.numFmt };
        }),
      );
      expect(Object.keys(fromAddon).length).toBeGreaterThan(name === 'Theo đơn vị' ? 15 : 50);
      // Probationary members and each unit's change are among the figures compared.
      const shown = values.flat();
      expect(shown).toEqual(
        expect.arrayContaining(
          name === 'Theo đơn vị' ? ['Đảng viên dự bị', '± HTXSNV'] : ['Trong đó: đảng viên dự bị'],
        ),
      );
      expect(fromCli).toEqual(fromAddon);
      // The same texts too, but for the date line (written at different moments).
      const texts = (grid: unknown[][]) =>
        grid.flat().filter((v) => typeof v === 'string' && !/, ngày /.test(v));
      const cliTexts: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row, r) => {
        cliTexts[r - 1] = [];
        // A merged area holds its value once, in its top-left cell, as in Sheets.
        row.eachCell((cell, c) => (cliTexts[r - 1][c - 1] = cell.master === cell ? (cell.value ?? '') : ''));
      });
      expect(texts(cliTexts).filter(Boolean)).toEqual(texts(values).filter(Boolean));
    }
  });
});
