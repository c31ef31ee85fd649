/** One jest run for everything; the emulators (needed by backend and add-on tests) start once in globalSetup. */
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
const project = (displayName, roots) => ({
  displayName,
  testMatch: roots.map((r) => `<rootDir>/test/${r}/**/*.test.ts`),
  transform,
  testEnvironment: 'node',
});
module.exports = {
  projects: [project('core', ['core', 'cli', 'scripts'])],
};
