import { randomUUID } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SpillError, type SpillFile, type SpillFiles } from "./index.js";

export { SpillError, type SpillFile, type SpillFiles } from "./index.js";

/** A descriptor whose owner was collected without being closed is closed then. */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed by the process's exit path: nothing is left to free.
  }
});

/**
 * Spill files in `directory` (default: the system's temporary directory, `TMPDIR` in Unix). Each file
 * is deleted from the directory as soon as it is open: its bytes live as long as the descriptor, so
 * nothing is left behind when the process ends, however it ends.
 */
export function tempSpillFiles(directory: string = tmpdir()): SpillFiles {
  return () => new TempSpillFile(directory);
}

class TempSpillFile implements SpillFile {
  readonly location: string;
  #fd: number | null;

  constructor(directory: string) {
    this.location = join(directory, `sc-spill-${process.pid}-${randomUUID()}`);
    this.#fd = this.#attempt("create", () => openSync(this.location, "wx+", 0o600));
    try {
      unlinkSync(this.location);
    } catch {
      // A system that keeps open files from being deleted (some Windows setups): removed on close.
    }
    unclosed.register(this, this.#fd, this);
  }

  write(position: number, bytes: Uint8Array): void {
    const fd = this.#open();
    this.#attempt(`write ${bytes.length} bytes at ${position} to`, () => {
      for (let done = 0; done < bytes.length; ) {
        done += writeSync(fd, bytes, done, bytes.length - done, position + done);
      }
    });
  }

  read(position: number, into: Uint8Array): void {
    const fd = this.#open();
    this.#attempt(`read ${into.length} bytes at ${position} from`, () => {
      for (let done = 0; done < into.length; ) {
        const got = readSync(fd, into, done, into.length - done, position + done);
        if (got === 0) throw new Error(`the file ends at ${position + done}`);
        done += got;
      }
    });
  }

  close(): void {
    if (this.#fd === null) return;
    unclosed.unregister(this);
    const fd = this.#fd;
    this.#fd = null;
    closeSync(fd);
    try {
      unlinkSync(this.location);
    } catch {
      // Deleted when it was opened, the usual case.
    }
  }

  #open(): number {
    if (this.#fd === null) throw new SpillError(`${this.location}: the spill file is closed`);
    return this.#fd;
  }

  #attempt<T>(what: string, action: () => T): T {
    try {
      return action();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new SpillError(`cannot ${what} the spill file ${this.location}: ${reason}`, { cause });
    }
  }
}
