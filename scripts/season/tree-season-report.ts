import { renderConsolidation } from '../../cli/render/consolidation';
import { formatNumber } from '../../core';
import { differencesFromCli } from './compare-with-cli';
import { progressBar } from './progress';
import { cliConsolidation } from './roll-up-files';
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
 * Runs the tree season and prints the top level's report, then the two checks: the roll-up level by level, each
 * office clicking “Tổng hợp”, equals `xeploai consolidate` of all the files flat, and the server's scheduled
 * figures equal the CLI's on the same unit files. Answers the exit code.
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
  const top = season.levels.at(-1)!;
  say('\n' + renderConsolidation(top.report));
  for (const level of season.levels) say(`${level.code}: ${level.said}`);
  const count = formatNumber(season.files.units.length);
  const rollUp = differencesFromCli(top.report, season.flat);
  const communes = season.levels.length - 1;
  say(
    rollUp.length
      ? `\nKHÔNG KHỚP: tổng hợp từng cấp trên máy chủ khác xeploai consolidate trên cùng các tệp:\n  ${rollUp.join('\n  ')}`
      : `\nTổng hợp từng cấp qua tiện ích (${communes} đảng ủy xã bấm “Tổng hợp” trong trang tính của mình, rồi ${top.code} tổng hợp từ báo cáo của các xã trên máy chủ; trang báo cáo ghi trong ${options.out}/) khớp hoàn toàn với xeploai consolidate gộp phẳng ${count} tệp của đơn vị và ${formatNumber(season.files.superiors.length)} tệp của cấp trên.`,
  );
  const cli = await cliConsolidation(
    season.files.units.map((u) => u.file),
    season.previous,
  );
  const server = differencesFromCli(season.server, cli);
  say(
    server.length
      ? `KHÔNG KHỚP với xeploai consolidate trên cùng các tệp:\n  ${server.join('\n  ')}`
      : `Số liệu máy chủ tổng hợp theo lịch từ ${count} báo cáo đã gửi khớp hoàn toàn với xeploai consolidate trên cùng ${count} tệp.`,
  );
  const step = (key: string, label: string) => `${label} ${formatNumber(season.seconds[key] ?? 0, 1)} giây`;
  say(
    `Thời gian: ${[
      step('provision', 'khai báo'),
      step('history', `nạp năm ${year - 1}`),
      step('submit', `${count} đơn vị gửi báo cáo`),
      step('scheduled', 'tổng hợp trên máy chủ'),
      step('rollUp', 'các cấp trên giao chỉ tiêu và tổng hợp'),
      step('cli', 'xeploai consolidate gộp phẳng'),
    ].join('; ')} (tổng ${formatNumber((performance.now() - options.started) / 1000, 1)} giây).`,
  );
  return rollUp.length || server.length ? 1 : 0;
}
