// Builds appsscript/dist (Code.js, manifest, HTML) before the add-on's tests, which load the built bundle.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildAddon() {
  execFileSync(process.execPath, ['esbuild.config.mjs', 'appsscript'], {
    cwd: path.join(__dirname, '../..'),
    stdio: 'inherit',
  });
};
