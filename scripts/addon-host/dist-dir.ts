import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's root: the nearest folder above this file holding appsscript/appsscript.json, so the
 * host finds the built add-on both from source (tests) and from a bundle in dist/scripts (`npm start`).
 */
function repositoryRoot(): string {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'appsscript', 'appsscript.json'))) return folder;
    if (dirname(folder) === folder) return process.cwd();
  }
}

/** Where `npm run build:addon` writes Code.js, the manifest and the HTML pages. */
export const DIST_DIR = join(repositoryRoot(), 'appsscript', 'dist');
