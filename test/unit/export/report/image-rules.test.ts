import { describe, expect, it } from 'vitest';
import { imageDevRegistry, imageFloatingTag, imagePushNeeded, imageSideLoaded } from '../../../../src/export/report/image-rules.js';
import { deployment } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

describe('imageDevRegistry', () => {
  it('an error per container still pulling from a dev registry', () => {
    const o = deployment('web', [
      { name: 'web', image: 'localhost:5001/web:1.0' },
      { name: 'proxy', image: 'nginx:1.27' },
    ]);
    expect(imageDevRegistry(ruleContext(o))).toEqual([
      {
        severity: 'error',
        rule: 'image-dev-registry',
        container: 'web',
        message: 'image localhost:5001/web:1.0 is in the dev registry localhost:5001, which only the dev machine can reach',
        fix: 'push the image to a registry the target can pull from and re-run promote with --image-registry REGISTRY',
      },
    ]);
  });
});

describe('imagePushNeeded', () => {
  it('info with the exact push commands when the overlay moved a dev image', () => {
    const original = deployment('web', [{ name: 'web', image: 'localhost:5001/web:1.0' }]);
    const final = deployment('web', [{ name: 'web', image: 'ghcr.io/team/web:1.0' }]);
    expect(imagePushNeeded(ruleContext(final, { original }))).toEqual([
      {
        severity: 'info',
        rule: 'image-push-needed',
        container: 'web',
        message: 'image localhost:5001/web:1.0 becomes ghcr.io/team/web:1.0',
        fix: 'push it first: docker tag localhost:5001/web:1.0 ghcr.io/team/web:1.0 && docker push ghcr.io/team/web:1.0',
      },
    ]);
  });

  it('nothing when the image did not move or the object is new', () => {
    const o = deployment('web', [{ name: 'web', image: 'localhost:5001/web:1.0' }]);
    expect(imagePushNeeded(ruleContext(o))).toEqual([]);
    expect(imagePushNeeded(ruleContext(o, { original: undefined }))).toEqual([]);
  });
});

describe('imageSideLoaded', () => {
  it('a warning when the base had imagePullPolicy Never, even after the overlay fixed the policy', () => {
    const original = deployment('web', [{ name: 'web', image: 'web:dev', imagePullPolicy: 'Never' }]);
    const final = deployment('web', [{ name: 'web', image: 'web:dev', imagePullPolicy: 'IfNotPresent' }]);
    expect(imageSideLoaded(ruleContext(final, { original }))).toEqual([
      {
        severity: 'warning',
        rule: 'image-side-loaded',
        container: 'web',
        message: 'image web:dev was side-loaded into the dev nodes (imagePullPolicy: Never, now IfNotPresent)',
        fix: 'make sure the target can pull this image from a registry',
      },
    ]);
    expect(imageSideLoaded(ruleContext(final))).toEqual([]);
  });
});

describe('imageFloatingTag', () => {
  it('warns about :latest and untagged images, not about pinned ones', () => {
    const o = deployment('web', [
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'nginx:latest' },
      { name: 'c', image: 'nginx:1.27' },
      { name: 'd', image: 'nginx@sha256:abc' },
    ]);
    expect(imageFloatingTag(ruleContext(o))).toEqual([
      {
        severity: 'warning',
        rule: 'image-floating-tag',
        container: 'a',
        message: 'image nginx has no tag, so it means :latest',
        fix: 'pin an immutable tag or a digest',
      },
      {
        severity: 'warning',
        rule: 'image-floating-tag',
        container: 'b',
        message: 'image nginx:latest uses the :latest tag',
        fix: 'pin an immutable tag or a digest',
      },
    ]);
  });
});
