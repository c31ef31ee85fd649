import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST_DIR, bundleSource } from '../../scripts/addon-host';

const ENTRY_POINTS = [
  'assignTargets',
  'computeSummary',
  'consolidateDistrict',
  'createTemplate',
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
    expect(manifest.urlFetchWhitelist).toHaveLength(1);
    expect(manifest.urlFetchWhitelist[0]).toMatch(
      /^https:\/\/asia-southeast1-[a-z0-9-]+\.cloudfunctions\.net\/$/,
    );
    expect(manifest.addOns).toBeUndefined();
  });

  it('takes the project id at build time for the whitelist and the default API address', () => {
    const out = mkdtempSync(join(tmpdir(), 'xeploai-build-'));
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import('./appsscript/build.mjs'); await m.buildAddon(${JSON.stringify({ outDir: out, project: 'xeploai-prod' })});`,
      ],
      { cwd: join(__dirname, '../..') },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8'));
    expect(manifest.urlFetchWhitelist).toEqual(['https://asia-southeast1-xeploai-prod.cloudfunctions.net/']);
    expect(readFileSync(join(out, 'Code.js'), 'utf8')).toContain(
      '"https://asia-southeast1-xeploai-prod.cloudfunctions.net/api"',
    );
  });

  it('passes clasp 3 its rootDir: the example project file points at appsscript/dist', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../.clasp.json.example'), 'utf8'));
    expect(example.rootDir).toBe('appsscript/dist');
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(pkg.scripts.push).toMatch(/esbuild\.config\.mjs appsscript.*clasp push/);
  });
});
