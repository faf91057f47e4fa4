import { describe, expect, it } from 'vitest';
import { isLoopbackHost, remoteDockerHost, urlHost } from '../../../../src/runtime/docker-endpoint/remote-host.js';

describe('remoteDockerHost', () => {
  it.each([
    ['tcp://192.0.2.2:2376', '192.0.2.2'],
    ['tcp://docker.example.com:2375', 'docker.example.com'],
    ['TCP://Build-Box:2376', 'build-box'],
    ['ssh://ci@builder.lan', 'builder.lan'],
    ['ssh://ci@builder.lan:2222', 'builder.lan'],
    ['ssh://10.1.2.3', '10.1.2.3'],
    ['http://192.0.2.9:2375', '192.0.2.9'],
    ['https://192.0.2.9:2376', '192.0.2.9'],
    ['tcp://[2001:db8::5]:2376', '2001:db8::5'],
  ])('%s is on another machine: %s', (url, host) => {
    expect(remoteDockerHost(url)).toBe(host);
  });

  it.each([
    'unix:///var/run/docker.sock',
    'unix:///run/user/1000/docker.sock',
    'npipe:////./pipe/docker_engine',
    'tcp://127.0.0.1:2375',
    'tcp://127.3.4.5:2376',
    'tcp://localhost:2375',
    'tcp://LOCALHOST:2375',
    'ssh://me@localhost',
    'tcp://[::1]:2375',
    'tcp://[::ffff:127.0.0.1]:2375',
    'tcp://0.0.0.0:2375',
    'tcp://[::]:2375',
    'not a url',
    '',
  ])('%s is this machine (or not a network endpoint)', (url) => {
    expect(remoteDockerHost(url)).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses, not the wildcard or other addresses', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.9', '::1', '[::1]', '::ffff:7f00:1'].map(isLoopbackHost)).toEqual(Array(6).fill(true));
    expect(['0.0.0.0', '::', '128.0.0.1', '192.0.2.2', 'example.com', '::ffff:c000:202'].map(isLoopbackHost)).toEqual(Array(6).fill(false));
  });
});

describe('urlHost', () => {
  it('brackets an IPv6 address only', () => {
    expect(urlHost('2001:db8::5')).toBe('[2001:db8::5]');
    expect(urlHost('192.0.2.2')).toBe('192.0.2.2');
    expect(urlHost('builder.lan')).toBe('builder.lan');
  });
});
