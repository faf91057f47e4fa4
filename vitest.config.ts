// Tiers: `unit` (pure code, recorded runner, no Docker), `package` (the packed package installed into an empty
// project) and `integration` (real Docker, real kind and k3d binaries, stand-in node images). The integration
// tier's global setup prepares what it needs, or skips with a printed reason when this machine cannot (never in
// CI, where a missing piece fails the run).
import { defineConfig } from 'vitest/config';

// The stand-in node images run no kubelet, so the refusal of a real kubelet (v1.35+) to start on cgroup v1 does not
// apply to them: `up`'s preflight passes over that one check in these tiers (test/integration/preflight.test.ts
// checks that it blocks without this).
const STANDIN_ENV = { KINDLING_IGNORE_PREFLIGHT_ERRORS: 'cgroup' };

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-report.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Unit tests first (fast feedback), then the integration tier with its own worker limit.
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The package as users get it (npm pack, installed into an empty project): needs dist/ built (pretest)
        // and the npm registry or npm's cache; no Docker.
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 300_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [
            'test/integration/docker-restart.test.ts',
            'test/integration/docker-context.test.ts',
            'test/integration/workshop-hosts.test.ts',
            'test/integration/remote-docker.test.ts',
            'test/integration/faults.test.ts',
          ],
          sequence: { groupOrder: 1 },
          globalSetup: ['test/integration/global-setup.ts'],
          env: STANDIN_ENV,
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // Two cores: keep cluster-creating files from all running at once.
          maxWorkers: 2,
        },
      },
      {
        // Restarts the Docker engine itself, or starts a second one (which touches the host's bridges and firewall
        // rules), so these run alone, one after the other, after everything else has finished.
        test: {
          name: 'engine-restart',
          include: [
            'test/integration/docker-restart.test.ts',
            'test/integration/docker-context.test.ts',
            'test/integration/workshop-hosts.test.ts',
            'test/integration/remote-docker.test.ts',
            'test/integration/faults.test.ts',
          ],
          sequence: { groupOrder: 2 },
          globalSetup: ['test/integration/global-setup.ts'],
          env: STANDIN_ENV,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
