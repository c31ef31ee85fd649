import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST_DIR, bundleSource } from '../../scripts/addon-host';

const ROOT = join(__dirname, '../..');

const ENTRY_POINTS = [
  'assignTargets',
  'computeSummary',
  'consolidateDistrict',
  'createSuperiorSheets',
  'createTemplate',
  'fixLabels',
  'onInstall',
  'onOpen',
  'openSettings',
  'saveSettings',
  'selectCell',
  'sendReport',
  'validateData',
];

describe('the pushed project (appsscript/dist)', () => {
  it('holds exactly Code.js, the manifest and the HTML pages', () => {
    expect(readdirSync(DIST_DIR).sort()).toEqual([
      'Code.js',
      'Settings.html',
      'Sidebar.html',
      'appsscript.json',
    ]);
  });

  it('declares one top-level function per entry point, delegating to the bundle global', () => {
    const code = bundleSource();
    const stubs = [
      ...code.matchAll(/^function (\w+)\(\.\.\.args\) \{ return XeploAI\.(\w+)\(\.\.\.args\); \}$/gm),
    ];
    expect(stubs.map((m) => m[1])).toEqual(ENTRY_POINTS);
    for (const m of stubs) expect(m[2]).toBe(m[1]);
    // Apps Script sees declarations, not the bundle's internals.
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = Object.keys(context).sort();
    expect(globals).toEqual(['XeploAI', ...ENTRY_POINTS].sort());
  });

  it('is one lean file without Node-only code', () => {
    const code = bundleSource();
    const size = statSync(join(DIST_DIR, 'Code.js')).size;
    process.stdout.write(`Code.js: ${size} bytes\n`);
    expect(size).toBeLessThan(150_000);
    expect(code).not.toMatch(/\brequire\(|process\.env|node:/);
  });

  it('has the V8 manifest with exactly the narrow scopes and the functions host whitelisted', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    // The local build: the demo project's host and, named explicitly, this checkout's Functions emulator.
    const emulatorPort = 5001 + (Number(process.env.XEPLOAI_PORT_OFFSET ?? 0) || 0);
    expect(manifest.urlFetchWhitelist).toEqual([
      'https://asia-southeast1-demo-xeploai.cloudfunctions.net/',
      `http://127.0.0.1:${emulatorPort}/`,
    ]);
    expect(manifest.addOns).toBeUndefined();
  });

  it('refuses a build for pushing without a real XEPLOAI_PROJECT_ID, before clasp runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'xeploai-push-'));
    for (const project of [undefined, '', 'demo-xeploai', 'Not A Project']) {
      const env = { ...process.env };
      delete env.XEPLOAI_PROJECT_ID;
      if (project !== undefined) env.XEPLOAI_PROJECT_ID = project;
      const run = spawnSync(process.execPath, ['appsscript/build.mjs', '--push', '--out-dir', out], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('XEPLOAI_PROJECT_ID');
      expect(run.stderr).toMatch(/^Chưa đẩy tiện ích lên/);
      expect(readdirSync(out)).toEqual([]);
    }
    // npm run push runs clasp only after the build succeeded.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.push).toBe('node appsscript/build.mjs --push && clasp push');
  });

  it('builds for pushing with the project alone in the allowlist and the bundle', () => {
    const out = mkdtempSync(join(tmpdir(), 'xeploai-push-'));
    const run = spawnSync(process.execPath, ['appsscript/build.mjs', '--push', '--out-dir', out], {
      cwd: ROOT,
      env: { ...process.env, XEPLOAI_PROJECT_ID: 'xeploai-prod' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8'));
    expect(manifest.urlFetchWhitelist).toEqual(['https://asia-southeast1-xeploai-prod.cloudfunctions.net/']);
    const code = readFileSync(join(out, 'Code.js'), 'utf8');
    expect(code).toContain('"https://asia-southeast1-xeploai-prod.cloudfunctions.net/api"');
    expect(code).not.toMatch(/demo-xeploai|127\.0\.0\.1|localhost/);
  });

  it('passes clasp 3 its rootDir: the example project file points at appsscript/dist', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../.clasp.json.example'), 'utf8'));
    expect(example.rootDir).toBe('appsscript/dist');
  });
});
