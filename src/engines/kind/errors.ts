// Reads kind's error text (engines.md §1.8) and names the failures kindling can explain better.
import { ConflictError } from '../../errors.js';
import { takenPort, type FailureClassifier } from '../run-engine.js';

/** Classifies kind failures: existing cluster and taken host port become conflicts (exit 4). */
export const classifyKindFailure: FailureClassifier = (result) => {
  const text = `${result.stderr}\n${result.stdout}`;
  const details = { command: result.command, exitCode: result.exitCode, stderr: result.stderr };
  const exists = /node\(s\) already exist for a cluster with the name "([^"]+)"/.exec(text);
  if (exists) {
    return new ConflictError(
      'cluster-exists',
      `a kind cluster named "${exists[1]}" already exists`,
      'choose another --name, or delete it first',
      details,
    );
  }
  const port = takenPort(text);
  if (port) {
    return new ConflictError(
      'port-in-use',
      `host port ${port.where} is already in use (kind: ${port.line})`,
      'stop what listens there or choose another --port',
      { ...details, port: port.port },
    );
  }
  return undefined;
};
