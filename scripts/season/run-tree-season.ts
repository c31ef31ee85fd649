import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { provision } from '../stack/provision-directory';
import { DISTRICT_EMAIL, unitEmail } from './accounts';
import { click, openAs } from './addon-clicks';
import { callApi, describeFailure, runScheduledConsolidation, type ServerReport } from './api';
import { importPreviousYear } from './import-history';
import { rollUpThroughAddon, type OfficeRollUp } from './office-clicks';
import { cliConsolidation } from './roll-up-files';
import { stepTimer } from './step-timer';
import { treeDirectory } from './tree-directory';
import { readTreeFiles, type TreeFiles } from './tree-files';

export interface TreeSeasonOptions {
  apiUrl: string;
  scheduledUrl: string;
  /** The sample folder: `<year>/units/<PARENT>/*.xlsx`, `<year>/superiors/*.xlsx`, and last year's data. */
  sample: string;
  year: number;
  /** Where each office's workbook is written with the report sheets “Tổng hợp” drew in it. */
  out: string;
  /**
   * Only these communes' units submit, and only the organizations of last year they were formed from are
   * loaded (all when not given): a test runs one commune to keep its time down.
   */
  communes?: string[];
  log?: (line: string) => void;
  onUnitSent?: (done: number, total: number) => void;
}

export interface TreeSeasonResult {
  files: TreeFiles;
  /** Last year's files the season compares with: the district's workbook and its units' (those loaded). */
  previous: string[];
  /** What the server consolidated from every report it received this year. */
  server: ServerReport;
  /** Each office's “Tổng hợp” through the built add-on, bottom-up: the root's last. */
  levels: OfficeRollUp[];
  /** `xeploai consolidate` of every unit file and every office's workbook, flat: what the root must equal. */
  flat: Consolidation;
  seconds: Record<string, number>;
}

/**
 * A season of the organization tree on the local stack, every click through the built add-on: each unit's
 * "Gửi báo cáo" to the local functions, the server's scheduled consolidation of all it received, then each
 * office bottom-up — the communes, then the province — assigns its targets and clicks "Tổng hợp" in its own
 * workbook; and `xeploai consolidate` of the same files, flat, for the root to be compared with.
 */
export async function runTreeSeason(options: TreeSeasonOptions): Promise<TreeSeasonResult> {
  const log = options.log ?? (() => undefined);
  const { seconds, timed } = stepTimer();
  const { year, apiUrl } = options;
  const tree = await readTreeFiles(join(options.sample, String(year)));
  const chosen = (code: string) => !options.communes || options.communes.includes(code);
  const files: TreeFiles = {
    ...tree,
    units: tree.units.filter((u) => chosen(u.parent)),
    superiors: tree.superiors.filter((s) => s === tree.root || chosen(s.code)),
  };
  const last = join(options.sample, String(year - 1));
  const predecessors = options.communes
    ? tree.root.below.filter((o) => chosen(o.code)).flatMap((o) => o.mergedFrom ?? [])
    : undefined;
  const previous = predecessors
    ? [join(last, 'district.xlsx'), ...predecessors.map((code) => join(last, 'units', `${code}.xlsx`))]
    : [last];

  await timed('provision', async () => {
    const directory = await treeDirectory(tree, last, year);
    await provision(directory);
    log(
      `Đã khai báo cây ${directory.units!.length} tổ chức (năm ${year - 1} và ${year}), ${directory.users!.length} tài khoản (${files.superiors.length} văn phòng cấp trên); năm ${year - 1} và ${year} mở nhận báo cáo.`,
    );
  });
  const imported = await timed('history', () => importPreviousYear(apiUrl, last, year - 1, predecessors));
  await provision({ years: [{ year: year - 1, open: false }] });
  log(`Đã nạp dữ liệu năm ${year - 1} (${imported} đơn vị) để so sánh; năm ${year - 1} đã khoá.`);

  await timed('submit', async () => {
    let done = 0;
    for (const unit of files.units) {
      const host = await openAs(unit.file, unitEmail(unit.code), apiUrl);
      const sent = click(host, 'sendReport', /^Đã gửi báo cáo/);
      if (!sent.ok) throw new Error(`Đơn vị ${unit.code} không gửi được báo cáo: ${sent.said}`);
      options.onUnitSent?.(++done, files.units.length);
    }
  });
  const server = await timed('scheduled', async () => {
    await runScheduledConsolidation(options.scheduledUrl);
    const answer = await callApi<ServerReport>(apiUrl, DISTRICT_EMAIL, 'GET', `/v1/consolidated/${year}`);
    if (answer.status !== 200) throw new Error(`Không đọc được báo cáo tổng hợp: ${describeFailure(answer)}`);
    log(`Máy chủ đã tổng hợp ${answer.body.units.count} báo cáo năm ${year} (hàm tổng hợp theo lịch).`);
    return answer.body;
  });
  await mkdir(options.out, { recursive: true });
  const levels = await timed('rollUp', () => rollUpThroughAddon(files, apiUrl, year, options.out));
  const flat = await timed('cli', () =>
    cliConsolidation([...files.units.map((u) => u.file), ...files.superiors.map((s) => s.file)], previous),
  );
  return { files, previous, server, levels, flat, seconds };
}
