/**
 * Bytes kept outside the JavaScript heap and read back on demand: in Node a temporary file (see
 * `@sc/spill/node`), whose pages the operating system caches without counting them against the
 * process. Synchronous, so the structures built on it (row blocks, packed strings) keep synchronous
 * reads.
 */
export interface SpillFile {
  /** Where the bytes are, for error messages. */
  readonly location: string;
  /** Writes all of `bytes` at byte `position`, growing the file as needed. */
  write(position: number, bytes: Uint8Array): void;
  /** Fills all of `into` from byte `position`; throws when the file holds fewer bytes there. */
  read(position: number, into: Uint8Array): void;
  /** Deletes the bytes; the file refuses to be used afterwards. Closing twice does nothing. */
  close(): void;
}

/** Opens a new, empty {@link SpillFile} on each call: every structure that spills gets its own. */
export type SpillFiles = () => SpillFile;

/** Raised when a spill file cannot be created, written or read; the message names the file. */
export class SpillError extends Error {
  override readonly name = "SpillError";
}
