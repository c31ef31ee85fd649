import { join } from 'node:path';
import { callApi, describeFailure, type ServerReport } from './api';
import { officeEmail } from './accounts';
import { click, openAs } from './addon-clicks';
import type { TreeFiles } from './tree-files';

/** One office's “Tổng hợp”: what the add-on told it, and the consolidation the server keeps for its level. */
export interface OfficeRollUp {
  code: string;
  said: string;
  report: ServerReport;
}

/**
 * Every office, bottom-up, in its own workbook through the built add-on, signed in as its superior account with
 * its code in Cài đặt: “Giao chỉ tiêu” to the organizations directly below it, then “Tổng hợp”, which rolls up
 * its subtree on the server; each office's report sheets are written to `out/<CODE>-<year>.xlsx`.
 */
export async function rollUpThroughAddon(
  files: TreeFiles,
  apiUrl: string,
  year: number,
  out: string,
): Promise<OfficeRollUp[]> {
  const levels: OfficeRollUp[] = [];
  for (const office of files.superiors) {
    const email = officeEmail(office.code);
    const host = await openAs(office.file, email, apiUrl, year, office.code);
    const assigned = click(host, 'assignTargets', /^Đã giao/);
    if (!assigned.ok) throw new Error(`${office.code}: Giao chỉ tiêu không thành công: ${assigned.said}`);
    const consolidated = click(host, 'consolidateDistrict', /^Đã tổng hợp/);
    if (!consolidated.ok) throw new Error(`${office.code}: Tổng hợp không thành công: ${consolidated.said}`);
    const written = await host.exportXlsx(join(out, `${office.code}-${year}.xlsx`));
    if (!written.ok) throw new Error(written.message);
    const answer = await callApi<ServerReport>(
      apiUrl,
      email,
      'GET',
      `/v1/consolidated/${year}/${office.code}`,
    );
    if (answer.status !== 200)
      throw new Error(`${office.code}: không đọc được báo cáo tổng hợp: ${describeFailure(answer)}`);
    levels.push({ code: office.code, said: consolidated.said, report: answer.body });
  }
  return levels;
}
