// Builds every adapter from TypeScript: the CLI and scripts for Node 20, the Cloud Functions bundle for
// the Node 22 runtime, and the Apps Script add-on. `node esbuild.config.mjs [cli|functions|appsscript]`.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const common = { bundle: true, logLevel: 'warning', sourcemap: false, legalComments: 'none' };

const builds = [];

if (wanted('cli')) {
  const scripts = ['scripts', 'bench'].flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${folder}/${f}`),
  );
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: ['cli/main.ts', ...scripts],
      outdir: 'dist',
      outbase: '.',
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      packages: 'external',
      // scripts/local-stack.mjs falls back to the working directory when bundled to CommonJS.
      logOverride: { 'empty-import-meta': 'silent' },
    }),
  );
}

// functions: section owned by the backend (see functions/). One self-contained CommonJS file with core/
// inside; only what functions/package.json lists stays external (the Cloud Functions runtime installs it).
if (wanted('functions')) {
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: ['functions/src/index.ts'],
      outfile: 'functions/lib/index.js',
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*'],
    }),
  );
}
// appsscript: section owned by the add-on (see appsscript/build.mjs).
if (wanted('appsscript')) {
  const { buildAddon } = await import('./appsscript/build.mjs');
  builds.push(buildAddon());
}

await Promise.all(builds);
