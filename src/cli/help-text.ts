// What every command's --help ends with: two or three examples, the environment variables it reads and the exit
// codes, as kubectl's and kind's help pages show them. Kept in one table so that a new command gets its examples
// where the others are, and a unit test checks every command has some.
import type { Command } from 'commander';
import { ExitCode } from '../errors.js';

interface HelpExtra {
  examples: string[];
  /** Variables this command reads beyond those every command reads (KINDLING_STATE, DOCKER_*). */
  env?: string[];
}

const DOCKER_ENV = 'DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH: the Docker engine';
const STATE_ENV = 'KINDLING_STATE: the state store (a folder or s3://bucket/prefix); AWS_* for s3://';
const ENGINE_ENV = 'KINDLING_KIND_BINARY, KINDLING_K3D_BINARY: the engine binaries (else kind, k3d on PATH)';
const KUBECONFIG_ENV = 'KUBECONFIG: the kubeconfig contexts are merged into (else ~/.kube/config)';

/** Examples and variables by command path (`snapshot create`). */
export const HELP: Record<string, HelpExtra> = {
  up: {
    examples: [
      'kindling up --preset minikube --name dev --wait 5m',
      'kindling up --preset kind --workers 2 --port 8080:80 --registry',
      'kindling up --from-snapshot dev/base --name dev2',
    ],
    env: [
      STATE_ENV,
      DOCKER_ENV,
      ENGINE_ENV,
      KUBECONFIG_ENV,
      'XDG_CONFIG_HOME: where your own presets are',
      'KINDLING_IGNORE_PREFLIGHT_ERRORS: host checks to pass over (cgroup, disk, all), as --ignore-preflight-errors',
    ],
  },
  down: {
    examples: ['kindling down dev --yes', 'kindling down --all --yes', 'kindling down dev --backup --yes'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  stop: { examples: ['kindling stop dev', 'kindling stop --all --dry-run'], env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV] },
  start: { examples: ['kindling start dev --wait 5m', 'kindling start --all'], env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV] },
  scale: {
    examples: ['kindling scale dev --workers 3 --yes', 'kindling scale dev --workers 1 --dry-run'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  upgrade: {
    examples: [
      'kindling upgrade dev --k8s-version v1.37.0 --yes',
      'kindling upgrade dev --k8s-version v1.37.0 --dry-run',
      'kindling upgrade dev --resume     # after an upgrade was killed: finish it',
      'kindling upgrade dev --rollback   # or undo it from its snapshot',
    ],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV, KUBECONFIG_ENV],
  },
  'snapshot create': {
    examples: ['kindling snapshot create dev --name base', 'kindling snapshot create dev --consistent'],
    env: [STATE_ENV, DOCKER_ENV],
  },
  'snapshot list': { examples: ['kindling snapshot list', 'kindling snapshot list dev --all -o json'], env: [STATE_ENV] },
  'snapshot delete': { examples: ['kindling snapshot delete dev base'], env: [STATE_ENV] },
  'snapshot restore': { examples: ['kindling snapshot restore dev base --yes'], env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV] },
  'state show': { examples: ['kindling state show dev', 'kindling state show dev -o json'], env: [STATE_ENV] },
  'state migrate': {
    examples: ['kindling state migrate --from ~/.local/state/kindling --to s3://team-bucket/kindling'],
    env: ['AWS_*: credentials and region for s3://'],
  },
  unlock: { examples: ['kindling unlock dev', 'kindling unlock dev --force'], env: [STATE_ENV] },
  list: { examples: ['kindling list', 'kindling list -o json | jq -r .items[].name'], env: [STATE_ENV, DOCKER_ENV] },
  status: { examples: ['kindling status dev', 'kindling status dev -o json'], env: [STATE_ENV, DOCKER_ENV] },
  plan: {
    examples: ['kindling plan --preset k3d --name dev', 'kindling plan --preset ./my-preset.yaml -o json'],
    env: ['XDG_CONFIG_HOME: where your own presets are'],
  },
  kubeconfig: {
    examples: ['kindling kubeconfig dev > dev.kubeconfig', 'kindling kubeconfig dev --path', 'kindling kubeconfig dev -o json'],
    env: [STATE_ENV],
  },
  'presets list': {
    examples: ['kindling presets list', 'kindling presets list -o json'],
    env: ['XDG_CONFIG_HOME: where your own presets are'],
  },
  'presets show': { examples: ['kindling presets show minikube', 'kindling presets show kind --set nodes.workers=2 -o json'] },
  'presets schema': { examples: ['kindling presets schema > preset.schema.json'] },
  load: {
    examples: ['kindling load dev myapp:dev', 'kindling load dev myapp:dev worker:dev -o json'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  logs: {
    examples: ['kindling logs dev', 'kindling logs dev --out /tmp/dev-logs.tar.gz --force', 'tar -tzf kindling-logs-dev-*.tar.gz'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  promote: {
    examples: [
      'kindling promote dev --to eks,gke --out ./bundle',
      'kindling promote --from ./k8s --to kubeadm --set control-plane-host=cp.example.com',
      'kindling promote dev --to openshift --with-state --include-secrets --out ./bundle',
    ],
    env: [STATE_ENV],
  },
  restore: {
    examples: [
      'kindling restore --bundle ./bundle --context prod',
      'kindling restore --bundle ./bundle --context prod --target eks --dry-run',
    ],
    env: [KUBECONFIG_ENV],
  },
  prune: {
    examples: ['kindling prune --dry-run', 'kindling prune', 'kindling prune dev -o json'],
    env: [STATE_ENV, DOCKER_ENV, "TMPDIR: where the engines' temp files are"],
  },
  version: { examples: ['kindling version', 'kindling version -o json'], env: [DOCKER_ENV, ENGINE_ENV] },
  doctor: {
    examples: ['kindling doctor', 'kindling doctor -o json | jq \'.checks[] | select(.status != "ok")\''],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  workshop: {
    examples: ['kindling workshop up workshop.yaml', 'kindling workshop status', 'kindling workshop down --yes'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  'workshop up': {
    examples: [
      'kindling workshop up workshop.yaml --out ./handouts',
      'kindling workshop up --count 10 --preset k3d --prefix ws',
      'kindling workshop up workshop.yaml --docker-contexts default,big-box',
    ],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  'workshop status': {
    examples: ['kindling workshop status', 'kindling workshop status --workshop ws -o json'],
    env: [STATE_ENV, DOCKER_ENV],
  },
  'workshop reset': {
    examples: ['kindling workshop reset alice', 'kindling workshop reset ws-03 --workshop ws'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  'workshop down': {
    examples: ['kindling workshop down --yes', 'kindling workshop down --workshop ws --yes'],
    env: [STATE_ENV, DOCKER_ENV, ENGINE_ENV],
  },
  completion: {
    examples: [
      'source <(kindling completion bash)',
      'kindling completion zsh > "${fpath[1]}/_kindling"',
      'kindling completion fish | source',
    ],
  },
};

const EXIT_CODES = [
  [ExitCode.ok, 'done (also: nothing to do)'],
  [ExitCode.invalidInput, 'bad input: a flag, a preset, a file'],
  [ExitCode.notFound, 'no such cluster, snapshot or preset'],
  [ExitCode.conflict, 'in the way: a name, a port, a lock, another spec'],
  [ExitCode.environment, 'the machine: Docker, an engine binary, the state store'],
  [ExitCode.engineFailed, 'kind, k3d or the cluster failed (rolled back)'],
  [ExitCode.timedOut, 'a wait ran out of time (rolled back)'],
  [ExitCode.interrupted, 'interrupted (Ctrl-C): rolled back'],
  [ExitCode.unexpected, 'a bug in kindling: please report it'],
] as const;

/** The text after a command's own help. */
export function helpFooter(extra: HelpExtra): string {
  const lines = ['', 'Examples:', ...extra.examples.map((e) => `  ${e}`)];
  if (extra.env && extra.env.length > 0) lines.push('', 'Environment:', ...extra.env.map((e) => `  ${e}`));
  lines.push('', 'Exit codes:', ...EXIT_CODES.map(([code, what]) => `  ${String(code).padEnd(3)} ${what}`));
  return lines.join('\n');
}

/** Every command and subcommand, with its path (`snapshot create`), depth first. */
export function commandsOf(program: Command): { path: string; command: Command }[] {
  const walk = (cmd: Command, prefix: string): { path: string; command: Command }[] =>
    cmd.commands.flatMap((c) => {
      const path = prefix ? `${prefix} ${c.name()}` : c.name();
      return [{ path, command: c }, ...walk(c, path)];
    });
  return walk(program, '');
}

/** Adds the examples, variables and exit codes to every command that has an entry. */
export function addHelpFooters(program: Command): void {
  for (const { path, command } of commandsOf(program)) {
    const extra = HELP[path];
    if (extra) command.addHelpText('after', helpFooter(extra));
  }
}
