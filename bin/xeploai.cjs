#!/usr/bin/env node
// Runs the built CLI, building it first when a fresh checkout has no dist/ yet.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'cli', 'main.cjs');
if (!existsSync(built)) {
  execFileSync(process.execPath, [join(root, 'esbuild.config.mjs'), 'cli'], { cwd: root, stdio: 'inherit' });
}
require(built);
