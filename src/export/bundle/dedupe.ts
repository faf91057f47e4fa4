// The same object read twice (two files, or a file and the live cluster) must become one document: kustomize refuses
// duplicate identities. Identical copies are merged; different ones are an error naming both origins, so that
// nothing the user wrote is silently dropped.
import { InvalidInputError } from '../../errors.js';
import { describeOrigin, objectKey, type SourcedObject } from '../kube-object.js';
import { orderKeys } from '../order/order-keys.js';

/** The objects with identical duplicates removed (the first origin kept); throws InvalidInputError for conflicting ones. */
export function dedupeObjects(objects: readonly SourcedObject[]): SourcedObject[] {
  const seen = new Map<string, { sourced: SourcedObject; text: string }>();
  const out: SourcedObject[] = [];
  for (const sourced of objects) {
    if (sourced.object.metadata.name === undefined) {
      out.push(sourced);
      continue;
    }
    const key = objectKey(sourced.object);
    const text = JSON.stringify(orderKeys(sourced.object));
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, { sourced, text });
      out.push(sourced);
    } else if (first.text !== text) {
      throw new InvalidInputError(
        `${key} is defined twice with different content: in ${describeOrigin(first.sourced.origin)} and in ${describeOrigin(sourced.origin)}`,
        'keep one of them (promote exports each object once), or promote the two sources separately',
      );
    }
  }
  return out;
}
