import { describe, expect, it } from 'vitest';
import { dnsLabel, MAX_CLUSTER_NAME, numberedSeats, seatsFor } from '../../../src/workshop/attendees.js';
import { InvalidInputError } from '../../../src/errors.js';
import { thrown } from '../../support/unit/thrown.js';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

describe('attendee names as DNS labels', () => {
  it('drops accents, lower-cases and joins with single dashes', () => {
    expect(dnsLabel('Zoë Smith', 20)).toBe('zoe-smith');
    expect(dnsLabel('  José  Álvarez-Núñez ', 30)).toBe('jose-alvarez-nunez');
    expect(dnsLabel("O'Brien, Pat (ops)", 30)).toBe('o-brien-pat-ops');
    expect(dnsLabel('日本', 20)).toBe('attendee');
    expect(dnsLabel('a-very-long-name-that-goes-on', 10)).toBe('a-very-lon');
    expect(dnsLabel('abcdefghi-xyz', 10)).toBe('abcdefghi');
  });

  it('makes unique labels and cluster names that fit k3d', () => {
    const seats = seatsFor('k8s-101', ['Bob', 'bob', 'BOB', 'Ann Lee', 'ann-lee', 'Maximilian Alexander Bartholomew']);
    expect(seats.map((s) => s.label)).toEqual(['bob', 'bob-2', 'bob-3', 'ann-lee', 'ann-lee-2', 'maximilian-alexander-bar']);
    expect(new Set(seats.map((s) => s.cluster)).size).toBe(seats.length);
    for (const s of seats) {
      expect(s.cluster).toMatch(DNS_LABEL);
      expect(s.cluster.length).toBeLessThanOrEqual(MAX_CLUSTER_NAME);
      expect(s.cluster).toBe(`k8s-101-${s.label}`);
    }
    expect(seats[0]!.attendee).toBe('Bob');
  });

  it('shortens a label that is full to make room for its number', () => {
    const seats = seatsFor('ws', ['x'.repeat(40), 'x'.repeat(40)]);
    expect(seats[1]!.label).toBe(`${'x'.repeat(27)}-2`);
    expect(seats[1]!.cluster.length).toBe(MAX_CLUSTER_NAME);
  });

  it('numbers a count with at least two digits', () => {
    expect(numberedSeats('ws', 3).map((s) => s.cluster)).toEqual(['ws-01', 'ws-02', 'ws-03']);
    expect(numberedSeats('ws', 120)[0]!.cluster).toBe('ws-001');
  });

  it('refuses a workshop name that leaves no room', () => {
    thrown(InvalidInputError, () => seatsFor('x'.repeat(30), ['a']));
  });
});
