import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { workshopDefinition, workshopSeats } from '../../../src/workshop/definition.js';
import { parseWorkshopFile } from '../../../src/workshop/parse-file.js';
import { attendeeReadme, workshopIndex } from '../../../src/workshop/handouts.js';
import { rejection } from '../../support/unit/thrown.js';

const FILE = parseWorkshopFile(
  'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: k8s\npreset: kind\nattendees: [Ann, Bob]\n',
  'w.yaml',
);

describe('a workshop from flags and a file', () => {
  it('flags alone: --count N --preset P, prefix ws by default', () => {
    const w = workshopDefinition(undefined, { count: 3, preset: 'k3d' });
    expect(w).toMatchObject({ name: 'ws', count: 3, preset: 'k3d' });
    expect(workshopSeats(w).map((s) => s.cluster)).toEqual(['ws-01', 'ws-02', 'ws-03']);
  });

  it('flags win over the file; a count replaces its attendees', () => {
    const w = workshopDefinition(FILE, { count: 2, name: 'lab' });
    expect(w).toMatchObject({ name: 'lab', count: 2, preset: 'kind' });
    expect(w.attendees).toBeUndefined();
    expect(workshopSeats(workshopDefinition(FILE, {})).map((s) => s.cluster)).toEqual(['k8s-ann', 'k8s-bob']);
  });

  it('names the flag at fault', async () => {
    const err = await rejection(Promise.resolve().then(() => workshopDefinition(undefined, { name: 'Bad Name', count: 0 })));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toContain('--prefix: ');
    expect(err.message).toContain('--count: ');
  });

  it('a snapshot on the command line replaces the file’s preset', () => {
    const w = workshopDefinition(FILE, { fromSnapshot: 'base/start' });
    expect(w.fromSnapshot).toBe('base/start');
    expect(w.preset).toBeUndefined();
  });
});

describe('handouts', () => {
  const m = { workshop: 'k8s', attendee: 'Zoë Smith', label: 'zoe-smith', cluster: 'k8s-zoe-smith', context: 'kind-k8s-zoe-smith' };
  it('a README with the context and first commands', () => {
    const text = attendeeReadme(m);
    expect(text).toContain('# k8s: Zoë Smith');
    expect(text).toContain('kubectl --context kind-k8s-zoe-smith version');
    expect(text).toContain('kindling workshop reset zoe-smith --workshop k8s');
  });
  it('an index row per attendee', () => {
    const text = workshopIndex('k8s', [
      { ...m, dockerContext: 'second' },
      { ...m, attendee: 'A|B', label: 'a-b', cluster: 'k8s-a-b' },
    ]);
    expect(text).toContain(
      '| Zoë Smith | `k8s-zoe-smith` | `kind-k8s-zoe-smith` | second | [zoe-smith/kubeconfig](zoe-smith/kubeconfig) |',
    );
    expect(text).toContain('| A\\|B | `k8s-a-b`');
    expect(text).toContain('2 clusters.');
  });
});
