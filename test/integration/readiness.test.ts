// `up --wait` with a cluster whose API server never answers: it names the stage that timed out and the
// limit it waited, exits 7, and leaves nothing behind in Docker, the store or the kubeconfig. How long that
// takes is the bench's to report (`npm run bench -- readiness`), never a bound here.
// The -noapi stand-in node images run no API server (only the engines' contract), which is the case here.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { parse } from 'yaml';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { sandbox, uniqueName } from '../support/integration/sandbox.js';

const NO_API = IMAGES.noApi;

describeIntegration('an API server that never comes up', () => {
  it.concurrent.for(['kind', 'k3d'] as const)(
    '%s: up --wait 30s exits 7 naming the stage, and leaves nothing behind',
    async (engine, { expect }) => {
      const sb = await sandbox();
      const name = uniqueName(`noapi-${engine}`);
      try {
        const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', NO_API[engine], '--wait', '30s');
        expect(r.code).toBe(7);
        expect(r.stderr).toMatch(/error: timed out waiting for stage "api" \(API server reachable\) after 3\ds; last saw: /);
        expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
        expect(await readdir(join(sb.state, 'clusters')).catch(() => [])).toEqual([]);
        if (existsSync(sb.env.KUBECONFIG!)) expect(parse(await readFile(sb.env.KUBECONFIG!, 'utf8')).contexts).toEqual([]);
      } finally {
        await sb.cleanup();
      }
    },
  );
});
