import {
  clearScope,
  closeFirestore,
  provision,
  type ProvisionSpec,
  type Scope,
} from '../functions/emulator-firestore';

/** This file's own years, units and users in the shared emulator: created before its tests, removed after. */
export function useScope(scope: Scope, spec: ProvisionSpec): void {
  beforeAll(async () => {
    await clearScope(scope);
    await provision(spec);
  });
  afterAll(async () => {
    await clearScope(scope);
    await closeFirestore();
  });
}
