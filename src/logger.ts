// The library is quiet: it logs through an injected logger whose default does nothing.

/** Where library messages go. The CLI passes one that writes to stderr. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** Says nothing. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };
