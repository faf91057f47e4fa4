// What the integration global setup found, shared with the tests through vitest's provide/inject.
import { describe, inject } from 'vitest';

/** The prepared environment, or why there is none. */
export interface IntegrationEnv {
  enabled: boolean;
  reason: string;
  binDir: string;
  kind: string;
  k3d: string;
  docker: string;
  /** The versitygw binary (a real S3 server: test/support/integration/s3-server.ts starts it). */
  s3Server: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    integration: IntegrationEnv;
  }
}

/** The environment for this run. */
export function integrationEnv(): IntegrationEnv {
  return inject('integration');
}

/** `describe` when the tier can run, `describe.skip` (with the reason printed by global setup) when not. */
export const describeIntegration: typeof describe = (integrationEnv().enabled ? describe : describe.skip) as typeof describe;
