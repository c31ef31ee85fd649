import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST_DIR } from './dist-dir';
import type { AuthMode, FakeAppsScript } from './environment';

/** The top-level functions of the pushed Code.js, as Apps Script calls them. */
export interface Addon {
  onOpen(event?: unknown): void;
  onInstall(event?: unknown): void;
  createTemplate(): void;
  validateData(): void;
  computeSummary(): void;
  sendReport(): void;
  createSuperiorSheets(): void;
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

let script: vm.Script | null = null;

export function bundleSource(): string {
  return readFileSync(join(DIST_DIR, 'Code.js'), 'utf8');
}

function compiled(): vm.Script {
  script ??= new vm.Script(bundleSource(), { filename: 'Code.js' });
  return script;
}

/** A trigger's event names its auth mode (onOpen of an installed add-on may run in AuthMode.NONE). */
function modeOf(args: unknown[]): AuthMode {
  const mode = (args[0] as { authMode?: unknown } | undefined)?.authMode;
  return mode === 'NONE' || mode === 'LIMITED' ? mode : 'FULL';
}

/**
 * The BUILT bundle's top-level functions. Each call is one execution, as in Apps Script: the bundle runs
 * in a fresh V8 context (no module state survives from an earlier call), and what the execution held
 * (its locks) is let go when it ends.
 */
export function loadAddon(fake: FakeAppsScript): Addon {
  compiled();
  return new Proxy({} as Addon, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => {
        // Date is shared with the test's realm so `instanceof Date` holds for values crossing the boundary.
        const context = vm.createContext({ ...fake.globals(), Date });
        compiled().runInContext(context);
        fake.lastContext = context;
        const entry = (context as Record<string, unknown>)[name];
        if (typeof entry !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
        fake.authMode = modeOf(args);
        try {
          return (entry as (...a: unknown[]) => unknown)(...args);
        } finally {
          fake.endExecution();
        }
      };
    },
  });
}
