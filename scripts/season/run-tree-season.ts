import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { provision } from '../stack/provision-directory';
import { DISTRICT_EMAIL, unitEmail } from './accounts';
import { click, openAs } from './addon-clicks';
import { callApi, describeFailure } from './api';
import { importPreviousYear } from './import-history';
import { rollUpFiles, type FileLevels } from './roll-up-files';
import { stepTimer } from './step-timer';
import { treeDirectory } from './tree-directory';
import { readTreeFiles, type TreeFiles } from './tree-files';

export interface TreeSeasonOptions {
  apiUrl: string;
  scheduledUrl: string;
  /** The sample folder: `<year>/units/<PARENT>/*.xlsx`, `<year>/superiors/*.xlsx`, and last year's data. */
  sample: string;
  year: number;
  /** Where each office's consolidation is written, as `xeploai consolidate --json` prints it. */
  out: string;
  /**
   * Only these communes' units submit, and only the organizations of last year they were formed from are
   * loaded (all when not given): a test runs one commune to keep its time down.
   */
  communes?: string[];
  log?: (line: string) => void;
  onUnitSent?: (done: number, total: number) => void;
}

export type ServerReport = Consolidation & { missing: string[]; asOf: string };

export interface TreeSeasonResult {
  files: TreeFiles;
  /** Last year's files the season compares with: the district's workbook and its units' (those loaded). */
  previous: string[];
  /** What the server consolidated from every report it received this year. */
  server: ServerReport;
  /** Each office's consolidation from the files it receives, bottom-up (the whole tree), and the flat one. */
  rollUp: FileLevels;
  seconds: Record<string, number>;
}

/**
 * A season of the organization tree on the local stack: every unit's "Gửi báo cáo" from the built add-on to the
 * local functions, the server's scheduled consolidation of all it received, and each office's consolidation
 * from the files it receives, bottom-up (the communes from their units, the province from the communes).
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
      `Đã khai báo ${directory.units!.length} đơn vị (năm ${year - 1} và ${year}), ${directory.users!.length} tài khoản; năm ${year - 1} và ${year} mở nhận báo cáo.`,
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
    const response = await fetch(options.scheduledUrl, { method: 'POST' });
    if (!response.ok) throw new Error(`Hàm tổng hợp theo lịch trả về ${response.status}.`);
    const answer = await callApi<ServerReport>(apiUrl, DISTRICT_EMAIL, 'GET', `/v1/consolidated/${year}`);
    if (answer.status !== 200) throw new Error(`Không đọc được báo cáo tổng hợp: ${describeFailure(answer)}`);
    log(`Máy chủ đã tổng hợp ${answer.body.units.count} báo cáo năm ${year} (hàm tổng hợp theo lịch).`);
    return answer.body;
  });
  const rollUp = await timed('rollUp', () => rollUpFiles(tree, [last], options.out));
  return { files, previous, server, rollUp, seconds };
}
