import type { StartedInfrastructure } from './global-setup.js';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __testInfrastructure?: StartedInfrastructure })
    .__testInfrastructure;
  await started?.stop();
}
