import { describe, expect, it } from 'vitest';
import { thrown } from '../../support/unit/thrown.js';
import { InvalidInputError } from '../../../src/errors.js';
import { parseKubernetesVersion, parsePortFlag, parseWorkers } from '../../../src/plan/overrides.js';

const thrownInput = (fn: () => unknown) => thrown(InvalidInputError, fn);

describe('parsePortFlag', () => {
  it('HOST:CONTAINER defaults to TCP on 127.0.0.1', () => {
    expect(parsePortFlag('8080:80')).toEqual({ listenAddress: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'TCP' });
  });

  it('ADDRESS:HOST:CONTAINER sets the listen address', () => {
    expect(parsePortFlag('0.0.0.0:8443:443')).toEqual({ listenAddress: '0.0.0.0', hostPort: 8443, containerPort: 443, protocol: 'TCP' });
  });

  it('/udp and /tcp, in either case', () => {
    expect(parsePortFlag('5353:53/udp').protocol).toBe('UDP');
    expect(parsePortFlag('127.0.0.1:5353:53/UDP')).toEqual({
      listenAddress: '127.0.0.1',
      hostPort: 5353,
      containerPort: 53,
      protocol: 'UDP',
    });
    expect(parsePortFlag('8080:80/tcp').protocol).toBe('TCP');
  });

  it('the edges of the port range', () => {
    expect(parsePortFlag('1:65535')).toMatchObject({ hostPort: 1, containerPort: 65535 });
  });

  it.each([
    ['8080', '--port "8080" must be HOST:CONTAINER or ADDRESS:HOST:CONTAINER', 'for example --port 8080:80'],
    ['a:b:c:d', '--port "a:b:c:d" must be HOST:CONTAINER or ADDRESS:HOST:CONTAINER', 'for example --port 8080:80'],
    ['8080:80/sctp', '--port "8080:80/sctp": protocol must be tcp or udp', 'use --port 8080:80 or --port 5353:53/udp'],
    ['8080:80/tcp/udp', '--port "8080:80/tcp/udp": protocol must be tcp or udp', 'use --port 8080:80 or --port 5353:53/udp'],
    ['8080:80/', '--port "8080:80/": protocol must be tcp or udp', 'use --port 8080:80 or --port 5353:53/udp'],
    ['http:80', '--port "http:80": "http" is not a port number (1-65535)', 'use --port HOST:CONTAINER, e.g. --port 8080:80'],
    ['0:80', '--port "0:80": "0" is not a port number (1-65535)', 'use --port HOST:CONTAINER, e.g. --port 8080:80'],
    ['8080:65536', '--port "8080:65536": "65536" is not a port number (1-65535)', 'use --port HOST:CONTAINER, e.g. --port 8080:80'],
    [':80', '--port ":80": "" is not a port number (1-65535)', 'use --port HOST:CONTAINER, e.g. --port 8080:80'],
    ['-1:80', '--port "-1:80": "-1" is not a port number (1-65535)', 'use --port HOST:CONTAINER, e.g. --port 8080:80'],
    ['localhost:8080:80', '--port "localhost:8080:80": "localhost" is not an IPv4 address', 'for example --port 127.0.0.1:8080:80'],
    ['::1:8080:80', '--port "::1:8080:80" must be HOST:CONTAINER or ADDRESS:HOST:CONTAINER', 'for example --port 8080:80'],
  ])('%s is refused', (value, message, hint) => {
    const err = thrownInput(() => parsePortFlag(value));
    expect(err.message).toBe(message);
    expect(err.hint).toBe(hint);
    expect(err.exitCode).toBe(2);
  });

  it('an address with an octet over 255 is not IPv4', () => {
    const err = thrownInput(() => parsePortFlag('300.0.0.1:8080:80'));
    expect(err.message).toBe('--port "300.0.0.1:8080:80": "300.0.0.1" is not an IPv4 address');
  });
});

describe('parseKubernetesVersion', () => {
  it('keeps v1.36.1 and adds the v to 1.35.2', () => {
    expect(parseKubernetesVersion('v1.36.1')).toBe('v1.36.1');
    expect(parseKubernetesVersion('1.35.2')).toBe('v1.35.2');
  });

  it.each(['1.35', 'v1.35', 'latest', 'v1.35.2-k3s1', ''])('refuses %j', (value) => {
    const err = thrownInput(() => parseKubernetesVersion(value));
    expect(err.message).toBe(`--k8s-version "${value}" is not a Kubernetes version`);
    expect(err.hint).toBe('for example --k8s-version v1.36.1');
  });
});

describe('parseWorkers', () => {
  it('accepts 0 to 50', () => {
    expect(parseWorkers(0)).toBe(0);
    expect(parseWorkers(3)).toBe(3);
    expect(parseWorkers(50)).toBe(50);
  });

  it.each([-1, 51, 1.5])('refuses %s', (n) => {
    expect(thrownInput(() => parseWorkers(n)).message).toBe(`--workers ${n} must be a whole number from 0 to 50`);
  });
});
