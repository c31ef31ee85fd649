// Starts the local Firebase stack (Firestore + Functions emulators) before the tests that need it, or
// reuses one already answering (e.g. `npm run emulators`). XEPLOAI_SKIP_EMULATORS=1 skips it.
const path = require('node:path');

const WITHOUT_STACK = new Set(['core']);
const WITHOUT_STACK_PATHS = /test[\\/](core|cli|scripts)([\\/]|$)/;

function needsStack(globalConfig) {
  if (process.env.XEPLOAI_SKIP_EMULATORS === '1') return false;
  const projects = globalConfig.selectedProjects ?? [];
  if (projects.length && projects.every((p) => WITHOUT_STACK.has(p))) return false;
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (patterns.length && patterns.every((p) => WITHOUT_STACK_PATHS.test(p))) return false;
  return true;
}

module.exports = async function globalSetup(globalConfig) {
  if (!needsStack(globalConfig)) return;
  const stack = await import('../scripts/local-stack.mjs');
  const started = Date.now();
  const logFile = path.join(stack.ROOT, '.emulators', 'jest-emulators.log');
  const handle = await stack.startStack({ logFile, log: (m) => process.stderr.write(`${m}\n`) });
  globalThis.__XEPLOAI_STACK__ = handle;
  // Test workers start after this and inherit these.
  process.env.FIRESTORE_EMULATOR_HOST = stack.FIRESTORE_HOST;
  process.env.XEPLOAI_API_URL = stack.API_URL;
  process.env.XEPLOAI_SCHEDULED_URL = stack.SCHEDULED_URL;
  // Where the functions' log lines go (test/hardening checks that they hold no member data).
  if (handle.owned) process.env.XEPLOAI_EMULATOR_LOG = logFile;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    handle.owned
      ? `\nBộ giả lập Firebase sẵn sàng sau ${seconds} giây (nhật ký: ${path.relative(process.cwd(), logFile)}).\n`
      : '\nDùng bộ giả lập Firebase đang chạy sẵn.\n',
  );
};
