// Builds every adapter from TypeScript: the CLI and scripts for Node 20, the Cloud Functions bundle for
// the Node 22 runtime, and the Apps Script add-on. `node esbuild.config.mjs [cli|functions|appsscript]`.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const common = { bundle: true, logLevel: 'warning', sourcemap: false, legalComments: 'none' };

const builds = [];

if (wanted('cli')) {
  const scripts = readdirSync('scripts')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `scripts/${f}`);
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
    }),
  );
}

// functions: section owned by the backend (see functions/).
// appsscript: section owned by the add-on (see appsscript/).

await Promise.all(builds);
