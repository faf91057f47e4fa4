// Reads kind's error text (engines.md §1.8) and names the failures kindling can explain better.
import { ConflictError } from '../../errors.js';
import type { FailureClassifier } from '../run-engine.js';

/** Classifies kind failures: existing cluster and taken host port become conflicts (exit 4). */
export const classifyKindFailure: FailureClassifier = (result) => {
  const text = `${result.stderr}\n${result.stdout}`;
  const details = { command: result.command, exitCode: result.exitCode, stderr: result.stderr };
  const exists = /node\(s\) already exist for a cluster with the name "([^"]+)"/.exec(text);
  if (exists) {
    return new ConflictError('cluster-exists', `a kind cluster named "${exists[1]}" already exists`, 'choose another --name, or delete it first', details);
  }
  const port = /listen (?:tcp4?|udp4?) ([\d.]+:\d+): bind: address already in use|Bind for ([\d.]+:\d+) failed: port is already allocated/.exec(text);
  if (port) {
    const where = port[1] ?? port[2];
    const said = text.split('\n').find((l) => l.includes('address already in use') || l.includes('port is already allocated'))?.trim();
    return new ConflictError('port-in-use', `host port ${where} is already in use (kind: ${said})`, 'stop what listens there or choose another --port', details);
  }
  return undefined;
};
