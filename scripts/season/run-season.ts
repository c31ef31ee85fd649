import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readDistrictWorkbook, type Consolidation, type OrganizationRating } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';
import { provision } from '../stack/provision-directory';
import { DISTRICT_EMAIL, seasonDirectory, unitEmail } from './accounts';
import { click, openAs } from './addon-clicks';
import { callApi, describeFailure, runScheduledConsolidation } from './api';
import { importPreviousYear } from './import-history';
import { stepTimer } from './step-timer';

export interface SeasonOptions {
  apiUrl: string;
  scheduledUrl: string;
  /** The sample folder with `<year>/units/*.xlsx` and `<year>/district.xlsx` for this year and last. */
  sample: string;
  year: number;
  out: string;
  log?: (line: string) => void;
  onUnitSent?: (done: number, total: number) => void;
}

export interface SeasonResult {
  report: Consolidation & { missing: string[]; asOf: string };
  unitFiles: string[];
  districtFile: string;
  seconds: Record<string, number>;
}

async function unitFilesOf(folder: string): Promise<string[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.xlsx')).sort();
  return files.map((f) => join(folder, f));
}

/**
 * A reporting season on the local stack, through the same code a real click runs: every unit's "Gửi báo cáo"
 * from the built add-on, the district's "Giao chỉ tiêu", the scheduled consolidation, then "Tổng hợp toàn đảng bộ".
 */
export async function runSeason(options: SeasonOptions): Promise<SeasonResult> {
  const log = options.log ?? (() => undefined);
  const { seconds, timed } = stepTimer();
  const { year, apiUrl } = options;
  const here = join(options.sample, String(year));
  const last = join(options.sample, String(year - 1));
  const districtFile = join(here, 'district.xlsx');
  const unitFiles = await unitFilesOf(join(here, 'units'));

  await timed('provision', async () => {
    // Units of both years: some of last year's organizations have merged since.
    const units = new Map<string, OrganizationRating>();
    for (const file of [join(last, 'district.xlsx'), districtFile]) {
      const district = await readWorkbookFile(file);
      if (!district.ok) throw new Error(district.message);
      for (const org of readDistrictWorkbook(district.workbook).data.organizations) units.set(org.code, org);
    }
    await provision(seasonDirectory([...units.values()], [year - 1, year]));
    log(
      `Đã khai báo ${units.size} đơn vị, ${units.size + 1} tài khoản; năm ${year - 1} và ${year} mở nhận báo cáo.`,
    );
  });

  const imported = await timed('history', () => importPreviousYear(apiUrl, last, year - 1));
  await provision({ years: [{ year: year - 1, open: false }] });
  log(
    `Đã nạp dữ liệu năm ${year - 1} (${imported} đơn vị) và tổng hợp năm ${year - 1} để so sánh; năm ${year - 1} đã khoá.`,
  );

  await timed('submit', async () => {
    let done = 0;
    for (const file of unitFiles) {
      const code = file.replace(/^.*[/\\]/, '').replace(/\.xlsx$/, '');
      const host = await openAs(file, unitEmail(code), apiUrl);
      const sent = click(host, 'sendReport', /^Đã gửi báo cáo/);
      if (!sent.ok) throw new Error(`Đơn vị ${code} không gửi được báo cáo: ${sent.said}`);
      options.onUnitSent?.(++done, unitFiles.length);
    }
  });

  const district = await openAs(districtFile, DISTRICT_EMAIL, apiUrl, year);
  await timed('targets', async () => {
    const assigned = click(district, 'assignTargets', /^Đã giao/);
    if (!assigned.ok) throw new Error(`Giao chỉ tiêu không thành công: ${assigned.said}`);
    log(assigned.said);
  });
  await timed('scheduled', async () => {
    await runScheduledConsolidation(options.scheduledUrl);
    log('Đã chạy hàm tổng hợp theo lịch (consolidateOpenYears).');
  });
  await timed('consolidate', async () => {
    const consolidated = click(district, 'consolidateDistrict', /^Đã tổng hợp/);
    if (!consolidated.ok) throw new Error(`Tổng hợp toàn đảng bộ không thành công: ${consolidated.said}`);
    log(consolidated.said);
    const written = await district.exportXlsx(options.out);
    if (!written.ok) throw new Error(written.message);
  });
  const answer = await callApi<SeasonResult['report']>(
    apiUrl,
    DISTRICT_EMAIL,
    'GET',
    `/v1/consolidated/${year}`,
  );
  if (answer.status !== 200) throw new Error(`Không đọc được báo cáo tổng hợp: ${describeFailure(answer)}`);
  return { report: answer.body, unitFiles, districtFile, seconds };
}
