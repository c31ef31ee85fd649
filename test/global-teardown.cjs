// Stops the local Firebase stack if globalSetup started it (a reused one keeps running).
module.exports = async function globalTeardown() {
  const handle = globalThis.__XEPLOAI_STACK__;
  if (!handle) return;
  const { stopStack } = await import('../scripts/local-stack.mjs');
  await stopStack(handle);
};
