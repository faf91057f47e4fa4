import { describe, expect, it } from 'vitest';
import { thrown } from '../../support/unit/thrown.js';
import { InvalidInputError } from '../../../src/errors.js';
import { engineNaming } from '../../../src/model/engine-naming.js';
import { checkClusterName, K3D_MAX_NAME } from '../../../src/plan/cluster-name.js';

const thrownInput = (fn: () => unknown) => thrown(InvalidInputError, fn);

const kindNames = (name: string, controlPlanes = 1, workers = 0) =>
  engineNaming.kind.containerNames({ name, nodes: { controlPlanes, workers } });
const k3dNames = (name: string) => engineNaming.k3d.containerNames({ name, nodes: { controlPlanes: 1, workers: 0 } });

describe('checkClusterName: a DNS label', () => {
  it.each(['dev', 'dev-1', 'a', '1', 'a1-b2'])('accepts %s', (name) => {
    expect(() => checkClusterName(name, 'kind', kindNames(name))).not.toThrow();
    expect(() => checkClusterName(name, 'k3d', k3dNames(name))).not.toThrow();
  });

  it.each(['Bad_Name', 'Dev', '-dev', 'dev-', 'dev.1', 'dev 1', ''])('refuses %j', (name) => {
    const err = thrownInput(() => checkClusterName(name, 'kind', []));
    expect(err.message).toBe(
      `"${name}" is not a valid cluster name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit`,
    );
    expect(err.hint).toBe('for example: --name dev-1');
  });

  it('refuses a label over 63 characters even with no derived names', () => {
    const name = 'a'.repeat(64);
    expect(thrownInput(() => checkClusterName(name, 'kind', [])).message).toContain('is not a valid cluster name');
  });
});

describe('checkClusterName: k3d allows 32 characters', () => {
  it('32 is fine, 33 is refused with the count', () => {
    expect(K3D_MAX_NAME).toBe(32);
    const ok = 'a'.repeat(32);
    expect(() => checkClusterName(ok, 'k3d', k3dNames(ok))).not.toThrow();
    const long = 'a'.repeat(33);
    const err = thrownInput(() => checkClusterName(long, 'k3d', k3dNames(long)));
    expect(err.message).toBe(`cluster name "${long}" is 33 characters; k3d allows at most 32`);
    expect(err.hint).toBe('choose a shorter --name');
  });

  it('the 32-character limit is k3d only', () => {
    const name = 'a'.repeat(33);
    expect(() => checkClusterName(name, 'kind', kindNames(name))).not.toThrow();
  });
});

describe('checkClusterName: kind derived container names must fit in 63', () => {
  it('49 characters + "-control-plane" is 63: fine', () => {
    const name = 'a'.repeat(49);
    expect(() => checkClusterName(name, 'kind', kindNames(name))).not.toThrow();
  });

  it('50 characters makes a 64-character control-plane container', () => {
    const name = 'a'.repeat(50);
    const err = thrownInput(() => checkClusterName(name, 'kind', kindNames(name)));
    expect(err.message).toBe(
      `cluster name "${name}" is too long for kind: node container "${name}-control-plane" would be 64 characters (at most 63)`,
    );
    expect(err.hint).toBe('choose a --name of at most 49 characters');
  });

  it('HA: the external load balancer is the longest name', () => {
    const name = 'b'.repeat(41); // + "-external-load-balancer" (23) = 64
    const err = thrownInput(() => checkClusterName(name, 'kind', kindNames(name, 3, 0)));
    expect(err.message).toContain(`node container "${name}-external-load-balancer" would be 64 characters`);
    expect(err.hint).toBe('choose a --name of at most 40 characters');
  });
});
