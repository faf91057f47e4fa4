// One step of an operation: a title, a run, and optionally how to undo it.
import type { Context } from '../context.js';

/** A step `apply` runs. `S` is the operation's shared, mutable state. */
export interface Action<S> {
  id: string;
  run(ctx: Context, state: S): Promise<void>;
  /** Undoes what `run` did (also when `run` failed half-way). */
  rollback?(ctx: Context, state: S): Promise<void>;
}

/** An action with the title progress shows for it (the plan supplies titles). */
export interface Step<S> {
  title: string;
  action: Action<S>;
}
