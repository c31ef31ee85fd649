import { describePlace, isError, type Issue } from '../../../core';
import { issueA1 } from './issue-place';
import { labelFixCount } from './label-fixes';

export interface SidebarItem {
  level: 'error' | 'warning';
  place: string;
  message: string;
  sheet: string;
  a1: string | null;
}

export interface SidebarData {
  title: string;
  intro: string;
  errors: number;
  warnings: number;
  items: SidebarItem[];
  /** Issues not listed in the sidebar (they are all in the `Lỗi` sheet). */
  hidden: number;
  /** Cells whose label the sidebar's button rewrites to the canonical text (W_LABEL_NORMALIZED). */
  fixable: number;
}

/** The sidebar lists this many issues, errors first; the `Lỗi` sheet lists them all. */
export const SIDEBAR_LIMIT = 500;

export function sidebarData(issues: Issue[], title: string, intro: string): SidebarData {
  const errors = issues.filter(isError);
  const warnings = issues.filter((i) => !isError(i));
  const listed = [...errors, ...warnings].slice(0, SIDEBAR_LIMIT);
  return {
    title,
    intro,
    errors: errors.length,
    warnings: warnings.length,
    items: listed.map((found) => ({
      level: isError(found) ? 'error' : 'warning',
      place: describePlace(found),
      message: found.message,
      sheet: found.sheet,
      a1: issueA1(found),
    })),
    hidden: issues.length - listed.length,
    fixable: labelFixCount(issues),
  };
}

/** JSON that can sit inside a <script> element of an HtmlService page. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
