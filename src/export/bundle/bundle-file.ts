// One file of a promotion bundle, before it is written: its path inside the bundle and its text.

/** A file of the bundle; `secret` files (Secrets, volume data) are written 0600. */
export interface BundleFile {
  /** Relative to the bundle's root, `/`-separated. */
  path: string;
  content: string;
  secret?: boolean;
}
