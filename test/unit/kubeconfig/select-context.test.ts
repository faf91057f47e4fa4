import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { selectContext } from '../../../src/kubeconfig/select-context.js';
import { kindKubeconfig } from '../../support/unit/world.js';

describe('selectContext', () => {
  it('sets current-context when the context exists, keeping the rest', () => {
    const text = kindKubeconfig('a').replace('current-context: kind-a', 'current-context: other');
    const selected = selectContext(text, 'kind-a')!;
    expect(parse(selected)['current-context']).toBe('kind-a');
    expect(parse(selected).clusters).toEqual(parse(text).clusters);
  });
  it('undefined for an unknown context or text that is not a kubeconfig', () => {
    expect(selectContext(kindKubeconfig('a'), 'kind-b')).toBeUndefined();
    expect(selectContext('- a\n- b\n', 'kind-a')).toBeUndefined();
    expect(selectContext('contexts: [\n', 'kind-a')).toBeUndefined();
  });
});
