// Runs a function that must throw an error of a given class, and returns that error for closer checks.
import { expect } from 'vitest';

/** The error `fn` throws, asserted to be an instance of `kind`. */
export function thrown<E extends Error>(kind: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(kind);
    return err as E;
  }
  throw new Error(`expected ${kind.name} to be thrown`);
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: Error) => err,
  );
}
