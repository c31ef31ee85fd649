import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST_DIR } from './dist-dir';
import type { FakeAppsScript } from './environment';

/** The top-level functions of the pushed Code.js, as Apps Script calls them. */
export interface Addon {
  onOpen(event?: unknown): void;
  onInstall(event?: unknown): void;
  createTemplate(): void;
  validateData(): void;
  computeSummary(): void;
  sendReport(): void;
  assignTargets(): void;
  consolidateDistrict(): void;
  openSettings(): void;
  saveSettings(form: unknown): {
    ok: boolean;
    notices?: string[];
    problems?: { field: string; message: string }[];
  };
  selectCell(sheet: unknown, a1: unknown): { ok: boolean; message?: string };
  [name: string]: unknown;
}

let code: string | null = null;

export function bundleSource(): string {
  code ??= readFileSync(join(DIST_DIR, 'Code.js'), 'utf8');
  return code;
}

/** Loads the BUILT bundle in a fresh V8 context whose globals are the fake services. */
export function loadAddon(fake: FakeAppsScript): Addon {
  // Date is shared with the test's realm so `instanceof Date` holds for values crossing the boundary.
  const context = vm.createContext({ ...fake.globals(), Date });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context as unknown as Addon;
}
