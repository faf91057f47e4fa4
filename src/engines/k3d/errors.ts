// Reads k3d's error text (engines.md §2.8) and names the failures kindling can explain better.
import { ConflictError } from '../../errors.js';
import { takenPort, type FailureClassifier } from '../run-engine.js';

/** Keeps k3d's error and fatal lines (its INFO lines go to stdout and are noise in an error). */
export function k3dErrorLines(text: string): string {
  const lines = text.split('\n').filter((l) => /level=(error|fatal)|^(ERRO|FATA)/.test(l));
  return (lines.length > 0 ? lines : text.split('\n')).join('\n').trim();
}

/** Classifies k3d failures: existing cluster and taken host port become conflicts (exit 4). */
export const classifyK3dFailure: FailureClassifier = (result) => {
  const text = `${result.stderr}\n${result.stdout}`;
  const details = { command: result.command, exitCode: result.exitCode, stderr: k3dErrorLines(result.stderr) };
  const exists = /Failed to create cluster '([^']+)' because a cluster with that name already exists/.exec(text);
  if (exists) {
    return new ConflictError(
      'cluster-exists',
      `a k3d cluster named "${exists[1]}" already exists`,
      'choose another --name, or delete it first',
      details,
    );
  }
  const port = takenPort(text);
  if (port) {
    return new ConflictError(
      'port-in-use',
      `host port ${port.where} is already in use`,
      'stop what listens there or choose another --port',
      { ...details, port: port.port },
    );
  }
  return undefined;
};
