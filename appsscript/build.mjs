// Builds the add-on: one Code.js (an IIFE with a global name plus one top-level stub per exported entry
// point, which Apps Script needs for menus, triggers and google.script.run), the manifest and the HTML.
// Two kinds of build:
// - local (the default, for tests, `npm start`): the demo project's host plus the local Functions
//   emulator (its port shifted by XEPLOAI_PORT_OFFSET) in the allowlist;
// - push (`node appsscript/build.mjs --push`, run by `npm run push`): XEPLOAI_PROJECT_ID must name a real
//   Firebase project; its host alone is allowed. Without it the build refuses, before clasp runs.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUNCTIONS_PORT, HOST } from '../scripts/local-stack.mjs';

const GLOBAL_NAME = 'XeploAI';
const ENTRY = 'appsscript/src/main.ts';
const OUT_DIR = 'appsscript/dist';
// Code.js is minified (identifiers too); its source map stays here, outside what is pushed, to read stack traces.
const MAP_FILE = 'dist/appsscript/Code.js.map';
const REGION = 'asia-southeast1';

/** Google Cloud project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter. */
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

function localProject() {
  if (existsSync('.firebaserc')) {
    const id = JSON.parse(readFileSync('.firebaserc', 'utf8')).projects?.default;
    if (id) return id;
  }
  return 'demo-xeploai';
}

/** The local Functions emulator, which the local build allows besides the demo host. */
export const LOCAL_API_PREFIX = `http://${HOST}:${FUNCTIONS_PORT}/`;

/** The project a push build is for, or why there is none. */
export function pushProject(env = process.env) {
  const id = (env.XEPLOAI_PROJECT_ID ?? '').trim();
  const how = 'Đặt mã dự án Firebase thật, ví dụ: XEPLOAI_PROJECT_ID=xeploai-prod npm run push.';
  if (!id)
    return { ok: false, message: `Chưa đẩy tiện ích lên: thiếu biến môi trường XEPLOAI_PROJECT_ID. ${how}` };
  if (!PROJECT_ID.test(id))
    return {
      ok: false,
      message: `Chưa đẩy tiện ích lên: XEPLOAI_PROJECT_ID “${id}” không phải mã dự án hợp lệ. ${how}`,
    };
  if (id.startsWith('demo-'))
    return {
      ok: false,
      message: `Chưa đẩy tiện ích lên: XEPLOAI_PROJECT_ID “${id}” là dự án thử (demo-…), không có máy chủ nào trả lời. ${how}`,
    };
  return { ok: true, project: id };
}

export async function buildAddon({
  outDir = OUT_DIR,
  project = localProject(),
  push = false,
  mapFile = MAP_FILE,
} = {}) {
  const host = `https://${REGION}-${project}.cloudfunctions.net/`;
  const allowlist = push ? [host] : [host, LOCAL_API_PREFIX];
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
      __XEPLOAI_URL_PREFIXES__: JSON.stringify(allowlist),
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
  manifest.urlFetchWhitelist = allowlist;
  writeFileSync(`${outDir}/appsscript.json`, JSON.stringify(manifest, null, 2) + '\n');
  for (const file of readdirSync('appsscript/html').filter((f) => f.endsWith('.html'))) {
    copyFileSync(`appsscript/html/${file}`, `${outDir}/${file}`);
  }
}

// `node appsscript/build.mjs --push [--out-dir DIR]`: the build `npm run push` hands to clasp.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out-dir');
  const outDir = at === -1 ? OUT_DIR : args[at + 1];
  if (args.includes('--push')) {
    const project = pushProject();
    if (!project.ok) {
      process.stderr.write(`${project.message}\n`);
      process.exit(1);
    }
    await buildAddon({ outDir, project: project.project, push: true });
    process.stdout.write(`Đã đóng gói tiện ích cho dự án ${project.project} vào ${outDir}.\n`);
  } else {
    await buildAddon({ outDir });
  }
}
