/** One jest run for everything; the emulators (needed by backend and add-on tests) start once in globalSetup. */
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
const project = (displayName, roots) => ({
  displayName,
  testMatch: roots.map((r) => `<rootDir>/test/${r}/**/*.test.ts`),
  transform,
  testEnvironment: 'node',
});
module.exports = {
  // Starts the local Firebase stack once (or reuses a running one) for the projects that need it.
  globalSetup: '<rootDir>/test/global-setup.cjs',
  globalTeardown: '<rootDir>/test/global-teardown.cjs',
  projects: [
    project('core', ['core', 'cli', 'scripts', 'docs']),
    // jose ships only ES modules: let swc turn them into CommonJS like the tests.
    { ...project('functions', ['functions']), transformIgnorePatterns: ['/node_modules/(?!jose/)'] },
    // The add-on's tests run the BUILT bundle: its globalSetup builds appsscript/dist first.
    // A whole season through the built add-on against the local functions (what `npm start` runs).
    project('season', ['season']),
    // Fuzz, tokens, faults, load and abuse limits: short in `npm test`, full in `npm run test:hardening`;
    // *.full.test.ts (killing the functions: minutes of restarts and lock waits) only in the latter.
    {
      ...project('hardening', ['hardening']),
      transformIgnorePatterns: ['/node_modules/(?!jose/)'],
      // The add-on's network faults run the BUILT bundle.
      globalSetup: '<rootDir>/test/appsscript/build-addon.cjs',
      testPathIgnorePatterns: [
        '/node_modules/',
        ...(process.env.XEPLOAI_HARDENING === 'full' ? [] : ['\\.full\\.test\\.ts$']),
      ],
    },
    { ...project('appsscript', ['appsscript']), globalSetup: '<rootDir>/test/appsscript/build-addon.cjs' },
  ],
};
