import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { readDistrictWorkbook, readUnitWorkbook } from '../../core';
import { readWorkbookFile } from '../../cli/read-workbook';
import { DISTRICT_EMAIL, unitEmail } from './accounts';
import { callApi, describeFailure, eachLimited } from './api';

/**
 * Last year's season as the server would already hold it: every unit's report (or those of `only`), the
 * organizations' ratings, and the consolidation that this year's change is measured against. Sent straight to
 * the API.
 */
export async function importPreviousYear(
  apiUrl: string,
  folder: string,
  year: number,
  only?: string[],
): Promise<number> {
  const unitFiles = (await readdir(join(folder, 'units')))
    .filter((f) => f.endsWith('.xlsx') && (!only || only.includes(f.replace(/\.xlsx$/, ''))))
    .sort();
  await eachLimited(unitFiles, 6, async (file) => {
    const read = await readWorkbookFile(join(folder, 'units', file));
    if (!read.ok) throw new Error(read.message);
    const unit = readUnitWorkbook(read.workbook);
    if (!unit.ok) throw new Error(`${file}: ${unit.message}`);
    const answer = await callApi(
      apiUrl,
      unitEmail(unit.read.report.unit.code),
      'POST',
      '/v1/reports',
      unit.read.report,
    );
    if (answer.status >= 300) throw new Error(`Năm ${year}, ${file}: ${describeFailure(answer)}`);
  });
  const district = await readWorkbookFile(join(folder, 'district.xlsx'));
  if (!district.ok) throw new Error(district.message);
  const { data } = readDistrictWorkbook(district.workbook);
  const organizations = data.organizations.map(({ code, name, kind, rating }) => ({
    code,
    name,
    kind,
    rating,
  }));
  const put = await callApi(apiUrl, DISTRICT_EMAIL, 'PUT', `/v1/organizations/${year}`, organizations);
  if (put.status >= 300) throw new Error(`Năm ${year}, xếp loại tổ chức: ${describeFailure(put)}`);
  const consolidated = await callApi(apiUrl, DISTRICT_EMAIL, 'POST', `/v1/consolidate/${year}`);
  if (consolidated.status >= 300) throw new Error(`Năm ${year}, tổng hợp: ${describeFailure(consolidated)}`);
  return unitFiles.length;
}
