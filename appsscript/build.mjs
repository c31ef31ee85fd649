// Builds the add-on: one Code.js (an IIFE with a global name plus one top-level stub per exported entry
// point, which Apps Script needs for menus, triggers and google.script.run), the manifest and the HTML.
// Build-time setting: XEPLOAI_PROJECT_ID (else .firebaserc's default project) names the functions' host.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const GLOBAL_NAME = 'XeploAI';
const ENTRY = 'appsscript/src/main.ts';
const OUT_DIR = 'appsscript/dist';
// Code.js is minified (identifiers too); its source map stays here, outside what is pushed, to read stack traces.
const MAP_FILE = 'dist/appsscript/Code.js.map';
const REGION = 'asia-southeast1';

function projectId() {
  if (process.env.XEPLOAI_PROJECT_ID) return process.env.XEPLOAI_PROJECT_ID;
  if (existsSync('.firebaserc')) {
    const id = JSON.parse(readFileSync('.firebaserc', 'utf8')).projects?.default;
    if (id) return id;
  }
  return 'demo-xeploai';
}

export async function buildAddon({ outDir = OUT_DIR, project = projectId(), mapFile = MAP_FILE } = {}) {
  const host = `https://${REGION}-${project}.cloudfunctions.net/`;
  const shared = {
    entryPoints: [ENTRY],
    bundle: true,
    target: 'es2020',
    platform: 'neutral',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    write: false,
    define: {
      __XEPLOAI_DEFAULT_API_URL__: JSON.stringify(`${host}api`),
      __XEPLOAI_URL_PREFIX__: JSON.stringify(host),
    },
  };
  const [iife, esm] = await Promise.all([
    esbuild.build({
      ...shared,
      format: 'iife',
      globalName: GLOBAL_NAME,
      minify: true,
      sourcemap: 'external',
      outfile: 'Code.js',
    }),
    esbuild.build({ ...shared, format: 'esm', metafile: true, outfile: 'entry.js' }),
  ]);
  const exports = Object.values(esm.metafile.outputs).flatMap((output) => output.exports);
  if (exports.length === 0) throw new Error(`${ENTRY} exports no entry point`);
  const stubs = exports
    .sort()
    .map((name) => `function ${name}(...args) { return ${GLOBAL_NAME}.${name}(...args); }`)
    .join('\n');

  const output = (suffix) => iife.outputFiles.find((file) => file.path.endsWith(suffix)).text;
  mkdirSync(outDir, { recursive: true });
  // The stubs come after the bundle's last line, so the map's line numbers still hold.
  writeFileSync(`${outDir}/Code.js`, `${output('Code.js')}\n${stubs}\n`);
  mkdirSync(dirname(mapFile), { recursive: true });
  writeFileSync(mapFile, output('Code.js.map'));
  const manifest = JSON.parse(readFileSync('appsscript/appsscript.json', 'utf8'));
  manifest.urlFetchWhitelist = [host];
  writeFileSync(`${outDir}/appsscript.json`, JSON.stringify(manifest, null, 2) + '\n');
  for (const file of readdirSync('appsscript/html').filter((f) => f.endsWith('.html'))) {
    copyFileSync(`appsscript/html/${file}`, `${outDir}/${file}`);
  }
}
