import { renderConsolidation } from '../../cli/render/consolidation';
import { formatNumber } from '../../core';
import { differencesFromCli } from './compare-with-cli';
import { progressBar } from './progress';
import { cliConsolidation, rollUpDifferences } from './roll-up-files';
import { runTreeSeason } from './run-tree-season';

export interface TreeSeasonReportOptions {
  apiUrl: string;
  scheduledUrl: string;
  sample: string;
  year: number;
  out: string;
  say: (line: string) => void;
  started: number;
}

/**
 * Runs the tree season and prints the top level's report, then the two checks: the roll-up level by level equals
 * `xeploai consolidate` of all unit files flat, and the server's figures equal the CLI's on the same files.
 * Answers the exit code.
 */
export async function reportTreeSeason(options: TreeSeasonReportOptions): Promise<number> {
  const { say, year } = options;
  let bar: ((done: number) => void) | null = null;
  const season = await runTreeSeason({
    apiUrl: options.apiUrl,
    scheduledUrl: options.scheduledUrl,
    sample: options.sample,
    year,
    out: options.out,
    log: say,
    onUnitSent: (done, total) => (bar ??= progressBar('Các đơn vị gửi báo cáo', total))(done),
  });
  const { levels } = season.rollUp;
  const top = levels.at(-1)!;
  say('\n' + renderConsolidation(top.report));
  const count = formatNumber(season.files.units.length);
  const rollUp = rollUpDifferences(season.rollUp);
  say(
    rollUp.length
      ? `\nKHÔNG KHỚP: tổng hợp từng cấp khác xeploai consolidate trên cùng các tệp:\n  ${rollUp.join('\n  ')}`
      : `\nTổng hợp từng cấp (${levels.length - 1} đảng ủy xã từ tệp của đơn vị, rồi ${top.code} từ báo cáo --json của các xã, ghi trong ${options.out}/) khớp hoàn toàn với xeploai consolidate trên cùng ${count} tệp của đơn vị và ${levels.length} tệp của cấp trên.`,
  );
  const cli = await cliConsolidation(
    season.files.units.map((u) => u.file),
    season.previous,
  );
  const server = differencesFromCli(season.server, cli);
  say(
    server.length
      ? `KHÔNG KHỚP với xeploai consolidate trên cùng các tệp:\n  ${server.join('\n  ')}`
      : `Số liệu máy chủ tổng hợp từ ${count} báo cáo đã gửi khớp hoàn toàn với xeploai consolidate trên cùng ${count} tệp.`,
  );
  say(
    'Chưa có trên máy chủ: tài khoản cấp trên theo cây tổ chức và lệnh “Tổng hợp” của từng cấp; các cấp trên tổng hợp từ tệp.',
  );
  const step = (key: string, label: string) => `${label} ${formatNumber(season.seconds[key] ?? 0, 1)} giây`;
  say(
    `Thời gian: ${[
      step('provision', 'khai báo'),
      step('history', `nạp năm ${year - 1}`),
      step('submit', `${count} đơn vị gửi báo cáo`),
      step('scheduled', 'tổng hợp trên máy chủ'),
      step('rollUp', 'tổng hợp từng cấp'),
    ].join('; ')} (tổng ${formatNumber((performance.now() - options.started) / 1000, 1)} giây).`,
  );
  return rollUp.length || server.length ? 1 : 0;
}
