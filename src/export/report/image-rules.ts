// Images only the dev cluster can pull, and images that float (promotion.md 3.1 and 3.2).
import { isDevRegistryImage, isFloatingImage, parseImage } from '../rewrite/image-reference.js';
import { containersOf, type ContainerAt } from '../rewrite/pod-spec.js';
import { containerFinding, type Rule, type RuleContext } from './finding.js';

/** A dev-registry image left in place because no imageRegistry was given: the target cannot pull it. */
export const imageDevRegistry: Rule = ({ object }) =>
  containersOf(object).flatMap(({ container }) => {
    const image = container.image;
    if (typeof image !== 'string' || !isDevRegistryImage(image)) return [];
    const message = `image ${image} is in the dev registry ${parseImage(image).registry ?? ''}, which only the dev machine can reach`;
    const fix = 'push the image to a registry the target can pull from and re-run promote with --image-registry REGISTRY';
    return [containerFinding('image-dev-registry', 'error', container, message, fix)];
  });

/** A dev-registry image the overlay moved to the user's registry: it must be pushed there before applying. */
export const imagePushNeeded: Rule = (ctx) =>
  pairs(ctx).flatMap(({ before, after }) => {
    const from = before.container.image;
    const to = after.container.image;
    if (typeof from !== 'string' || typeof to !== 'string' || to === from || !isDevRegistryImage(from)) return [];
    return [
      containerFinding(
        'image-push-needed',
        'info',
        after.container,
        `image ${from} becomes ${to}`,
        `push it first: docker tag ${from} ${to} && docker push ${to}`,
      ),
    ];
  });

/** `imagePullPolicy: Never` in the dev manifest: the image was side-loaded into the dev nodes, not pulled. */
export const imageSideLoaded: Rule = (ctx) =>
  pairs(ctx).flatMap(({ before, after }) => {
    if (before.container.imagePullPolicy !== 'Never') return [];
    const message = `image ${String(after.container.image)} was side-loaded into the dev nodes (imagePullPolicy: Never, now IfNotPresent)`;
    return [
      containerFinding(
        'image-side-loaded',
        'warning',
        after.container,
        message,
        'make sure the target can pull this image from a registry',
      ),
    ];
  });

/** `:latest` or untagged images: pull policy Always and no reproducible rollback (kind quick-start note). */
export const imageFloatingTag: Rule = ({ object }) =>
  containersOf(object).flatMap(({ container }) => {
    const image = container.image;
    if (typeof image !== 'string' || !isFloatingImage(image)) return [];
    const why = parseImage(image).tag === undefined ? 'has no tag, so it means :latest' : 'uses the :latest tag';
    return [containerFinding('image-floating-tag', 'warning', container, `image ${image} ${why}`, 'pin an immutable tag or a digest')];
  });

// Each container of the final object with the container at the same place in the base object.
function pairs({ object, original }: RuleContext): Array<{ before: ContainerAt; after: ContainerAt }> {
  const before = new Map((original === undefined ? [] : containersOf(original)).map((c) => [c.pointer, c]));
  return containersOf(object).flatMap((after) => {
    const match = before.get(after.pointer);
    return match === undefined ? [] : [{ before: match, after }];
  });
}
