import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import type { ClaimVolume } from '../../../../src/export/dump/claim-volumes.js';
import { restoreDataScript, singleQuote } from '../../../../src/export/dump/restore-script.js';
import { thrown } from '../../../support/unit/thrown.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';

let dir = '';
useTempDir((d) => {
  dir = d;
});

const volume = (namespace: string, claim: string, extra: Partial<ClaimVolume> = {}): ClaimVolume => ({
  namespace,
  claim,
  volume: 'pvc-1',
  node: 'dev-control-plane',
  path: `/var/local-path-provisioner/pvc-1_${namespace}_${claim}`,
  storageClass: 'standard',
  accessModes: ['ReadWriteOnce'],
  size: '1Gi',
  ...extra,
});

describe('restoreDataScript', () => {
  it('per claim: apply the Job, wait for its pod, copy the archive in, touch /restore/done, wait for the Job', () => {
    const text = restoreDataScript([volume('shop', 'data')]);
    expect(text.startsWith('#!/bin/sh\n# kindling: ')).toBe(true);
    expect(text).toContain(
      '\nset -eu\ncd -- "$(dirname -- "$0")"\npod_timeout="${RESTORE_POD_TIMEOUT:-10m}"\njob_timeout="${RESTORE_JOB_TIMEOUT:-1h}"\n',
    );
    expect(
      text.endsWith(
        [
          '# shop/data: 1Gi, class standard, from /var/local-path-provisioner/pvc-1_shop_data on dev-control-plane',
          "kubectl apply -n 'shop' -f 'restore-jobs/shop/data.yaml'",
          "await_pod 'shop' 'kindling-restore-data'",
          `kubectl wait --for=condition=Ready pod -l 'job-name=kindling-restore-data' -n 'shop' --timeout="$pod_timeout"`,
          `pod=$(kubectl get pod -l 'job-name=kindling-restore-data' -n 'shop' -o jsonpath='{.items[0].metadata.name}')`,
          `kubectl cp 'volumes/shop/data.tar.gz' 'shop'/"$pod":/restore/data.tar.gz`,
          `kubectl exec -n 'shop' "$pod" -- touch /restore/done`,
          `kubectl wait --for=condition=complete 'job/kindling-restore-data' -n 'shop' --timeout="$job_timeout"`,
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('cds from its own folder to bundleRelativeDir, and refuses an absolute one', () => {
    expect(restoreDataScript([volume('shop', 'data')], '../state/')).toContain(`cd -- "$(dirname -- "$0")"\ncd -- '../state'\n`);
    expect(restoreDataScript([], './')).not.toContain("cd -- '");
    expect(thrown(InvalidInputError, () => restoreDataScript([], '/srv/bundle')).message).toContain('"/srv/bundle" must be a relative');
    thrown(InvalidInputError, () => restoreDataScript([], 'C:\\bundle'));
  });

  it('with no claims it says so', () => {
    expect(restoreDataScript([]).endsWith('job_timeout="${RESTORE_JOB_TIMEOUT:-1h}"\n\necho "no claim data to restore"\n')).toBe(true);
  });

  it('keeps a line break in a value inside the comment', () => {
    const text = restoreDataScript([volume('shop', 'data', { path: '/x\nrm -rf /' })]);
    expect(text).toContain('# shop/data: 1Gi, class standard, from /x\n# rm -rf / on dev-control-plane\n');
  });

  it('runs under sh: every value reaches kubectl as one argument, and nothing in a name is executed', async () => {
    const ns = "it's $(touch pwned) `touch pwned2`";
    const claim = 'a"b;c&&d';
    const pod = 'kindling-restore-x-7f9c2';
    const bin = join(dir, 'bin');
    const state = join(dir, 'bundle', 'state');
    await mkdir(bin);
    await mkdir(state, { recursive: true });
    // A stand-in kubectl: logs its folder and argv (NUL-separated, one record per call), answers the pod lookups;
    // the first `-o name` lookup finds no pod yet, as right after `kubectl apply`.
    await writeFile(
      join(bin, 'kubectl'),
      [
        '#!/bin/sh',
        '{ pwd; for a in "$@"; do printf "%s\\0" "$a"; done; printf "\\036"; } >> "$KUBECTL_LOG"',
        'case "$*" in',
        '  *"-o name"*) if [ -e "$KUBECTL_LOG.seen" ]; then echo "pod/$FAKE_POD"; else touch "$KUBECTL_LOG.seen"; fi ;;',
        '  *jsonpath*) printf "%s" "$FAKE_POD" ;;',
        'esac',
      ].join('\n'),
    );
    await chmod(join(bin, 'kubectl'), 0o755);
    await writeFile(join(state, 'restore-data.sh'), restoreDataScript([volume(ns, claim)]));
    const log = join(dir, 'kubectl.log');
    const run = spawnSync('sh', [join(state, 'restore-data.sh')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, KUBECTL_LOG: log, FAKE_POD: pod, RESTORE_POD_TIMEOUT: '30s' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const calls = (await readFile(log, 'utf8'))
      .split('\x1e')
      .slice(0, -1)
      .map((record) => {
        const [cwd, args] = record.split(/\n(.*)/s);
        return { cwd, argv: args!.split('\0').slice(0, -1) };
      });
    expect(new Set(calls.map((c) => c.cwd))).toEqual(new Set([state]));
    const job = `kindling-restore-${claim}`;
    const lookup = ['get', 'pod', '-n', ns, '-l', `job-name=${job}`, '-o', 'name'];
    expect(calls.map((c) => c.argv)).toEqual([
      ['apply', '-n', ns, '-f', `restore-jobs/${ns}/${claim}.yaml`],
      lookup,
      lookup,
      ['wait', '--for=condition=Ready', 'pod', '-l', `job-name=${job}`, '-n', ns, '--timeout=30s'],
      ['get', 'pod', '-l', `job-name=${job}`, '-n', ns, '-o', 'jsonpath={.items[0].metadata.name}'],
      ['cp', `volumes/${ns}/${claim}.tar.gz`, `${ns}/${pod}:/restore/data.tar.gz`],
      ['exec', '-n', ns, pod, '--', 'touch', '/restore/done'],
      ['wait', '--for=condition=complete', `job/${job}`, '-n', ns, '--timeout=1h'],
    ]);
    expect((await readdir(dir)).filter((f) => f.startsWith('pwned'))).toEqual([]);
    expect((await readdir(state)).filter((f) => f.startsWith('pwned'))).toEqual([]);
  }, 20_000);
});

describe('singleQuote', () => {
  it('always quotes, and closes and reopens around a quote', () => {
    expect(singleQuote('shop')).toBe("'shop'");
    expect(singleQuote("it's")).toBe("'it'\\''s'");
    expect(singleQuote('')).toBe("''");
  });
});
