import { cellText, isEmptyCell } from '../cells';
import { findSheet, sameName } from '../headers';
import { SHEET_NAMES } from '../sheet-formats';
import type { WorkbookData } from '../types';
import type { ReportHeading } from './model';

/**
 * Who issues the report: the organization's name ("Huyện ủy Chương Mỹ", "Đảng ủy xã Phú Nghĩa"), the body
 * above it ("Đảng bộ thành phố Hà Nội") and the place for the date line ("Chương Mỹ"). Any of them may be
 * unknown: the report then leaves a dotted gap to fill by hand.
 */
export interface ReportIssuer {
  code?: string;
  name?: string;
  superior?: string;
  place?: string;
}

const ISSUER_KEYS: Record<keyof ReportIssuer, string[]> = {
  code: ['Mã tổ chức', 'Mã đơn vị'],
  name: ['Tên tổ chức', 'Tên đơn vị'],
  superior: ['Cấp trên', 'Tổ chức cấp trên'],
  place: ['Địa danh'],
};

const GAP = '……………';

/** The issuer from a workbook's `Thông tin` (key | value rows): Mã tổ chức, Tên tổ chức, Cấp trên, Địa danh. */
export function readIssuer(workbook: WorkbookData): ReportIssuer {
  const sheet = findSheet(workbook, SHEET_NAMES.info);
  const issuer: ReportIssuer = {};
  for (const row of sheet?.rows ?? []) {
    const at = (row ?? []).findIndex((cell) => !isEmptyCell(cell));
    if (at === -1) continue;
    const key = cellText(row[at]).replace(/[:*]+\s*$/g, '');
    const value = row.slice(at + 1).find((cell) => !isEmptyCell(cell));
    if (value === undefined) continue;
    for (const [field, names] of Object.entries(ISSUER_KEYS) as [keyof ReportIssuer, string[]][]) {
      if (issuer[field] === undefined && names.some((name) => sameName(key, name)))
        issuer[field] = cellText(value).trim();
    }
  }
  return issuer;
}

/** Fields given in `override` win; empty texts count as not given. */
export function mergeIssuers(...issuers: (ReportIssuer | null | undefined)[]): ReportIssuer {
  const merged: ReportIssuer = {};
  for (const issuer of issuers) {
    for (const [field, value] of Object.entries(issuer ?? {}) as [keyof ReportIssuer, string][]) {
      if (value && value.trim()) merged[field] = value.trim();
    }
  }
  return merged;
}

function upper(name: string): string {
  return name.toLocaleUpperCase('vi');
}

/** "Chương Mỹ, ngày 05 tháng 01 năm 2024" — days 1–9 and months 1–2 with a leading zero (HD 36). */
export function placeDateLine(place: string | undefined, date: Date | null): string {
  const where = place || GAP;
  if (!date) return `${where}, ngày     tháng     năm ${GAP}`;
  const local = new Date(date.getTime() + 7 * 60 * 60 * 1000);
  const day = local.getUTCDate();
  const month = local.getUTCMonth() + 1;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${where}, ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${local.getUTCFullYear()}`;
}

export function headingOf(issuer: ReportIssuer, date: Date | null): ReportHeading {
  const issuers = [...(issuer.superior ? [upper(issuer.superior)] : []), upper(issuer.name || GAP), '*'];
  return { issuers, party: 'ĐẢNG CỘNG SẢN VIỆT NAM', placeDate: placeDateLine(issuer.place, date) };
}
