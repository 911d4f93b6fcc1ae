import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { HuiyinError } from '../../../contracts/errors.js';

// Every SQLite database file starts so (ours from the first open: WAL mode writes page 1).
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the file at a log's path is still the file that was opened. The
 * connections keep the file they opened, so when the log at the path is
 * removed or another file is put there, SQLite goes on committing into a
 * file nobody will open again — and acknowledging it. One stat of the path
 * (device and inode) and a read of the first 16 bytes through a descriptor
 * kept open (an overwrite in place changes them while SQLite's caches hide
 * it): a few system calls, run where the commit runs, beside an fsync.
 */
export class LogFileWatch {
  readonly #fd: number;
  readonly #dev: number;
  readonly #ino: number;
  readonly #header = Buffer.alloc(MAGIC.length);

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'r');
    const { dev, ino } = fstatSync(this.#fd);
    this.#dev = dev;
    this.#ino = ino;
  }

  /** What is wrong with the file at the path, in words, or undefined. */
  problem(): string | undefined {
    try {
      const now = statSync(this.path, { throwIfNoEntry: false });
      if (!now) return 'was removed while the service ran';
      if (now.dev !== this.#dev || now.ino !== this.#ino) return 'was replaced by another file while the service ran';
      readSync(this.#fd, this.#header, 0, this.#header.length, 0);
      if (!this.#header.equals(MAGIC)) return 'was overwritten while the service ran: it is no SQLite database now';
      return undefined;
    } catch (error) {
      return `cannot be looked at (${(error as Error).message})`;
    }
  }

  close(): void {
    closeSync(this.#fd);
  }
}

/** Why the store takes no more appends once its file is lost or damaged. */
export function lostLogError(path: string, problem: string): HuiyinError {
  return new HuiyinError('STORE.UNAVAILABLE', `the event log ${path} ${problem}: no more appends are taken until a restart`, {
    reason: problem,
  });
}
