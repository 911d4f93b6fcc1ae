import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

/**
 * Read models are written without waiting for the disk (synchronous=OFF),
 * and the file says so while it is open.
 *
 * Why: with synchronous=NORMAL every WAL checkpoint waited for the disk on
 * the thread that serves requests, and those waits were most of what the
 * read models added to the slowest requests under load (p99 110–127 ms
 * against 62–68 without the waits, and 58–68 with no read models at all).
 *
 * What it costs: nothing when the process dies (kill -9, a crash, the OOM
 * killer): what SQLite handed to the operating system is written all the
 * same. A power cut or a system crash may lose some of it, out of order,
 * and leave the read models torn. Those restart the machine, which gives the
 * kernel a new boot id. So the file records the boot id it was opened under
 * and that it is open; a file still open under another boot id is dropped
 * and rebuilt from the log (which is written durably, as ever). A clean
 * close first waits for the disk, then records the file closed.
 *
 * Where no boot id can be read (not Linux), writes wait for the disk at
 * checkpoints as before (synchronous=NORMAL).
 *
 * What it does not catch: a page the kernel failed to write (an I/O error,
 * a thin volume out of space), which without waits SQLite never hears of,
 * and a disk snapshot restored without a restart. And a process killed,
 * then a clean restart of the machine, costs a rebuild it did not need.
 */

const TABLE = 'read_model_open_under';
const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';

/** This boot's id, as the kernel gives it; undefined where there is none. */
export function currentBootId(): string | undefined {
  try {
    return readFileSync(BOOT_ID_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the file has ever been marked (a file from before the mark, or `:memory:`, has not). */
const isMarked = (db: Database.Database): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE) !== undefined;

/** The boot the file was left open under, when that is not `bootId`: its writes may not all be on disk. */
export function leftOpenUnderAnotherBoot(db: Database.Database, bootId: string | undefined): string | undefined {
  if (!isMarked(db)) return undefined;
  const row = db.prepare<[], { bootId: string }>(`SELECT boot_id AS bootId FROM ${TABLE} WHERE still_open = 1`).get();
  return row && row.bootId !== bootId ? row.bootId : undefined;
}

/**
 * Records, durably, that the file is open under `bootId`, then lets writes
 * go without waiting for the disk. Without a boot id, nothing is recorded
 * and writes wait at checkpoints (synchronous=NORMAL).
 */
export function openWithoutWaiting(db: Database.Database, bootId: string | undefined): void {
  if (bootId === undefined) return;
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (boot_id TEXT NOT NULL, still_open INTEGER NOT NULL)`);
  db.transaction(() => {
    db.exec(`DELETE FROM ${TABLE}`);
    db.prepare(`INSERT INTO ${TABLE} (boot_id, still_open) VALUES (?, 1)`).run(bootId);
  })();
  // Into the file itself, and on disk, before writes stop waiting: a later
  // checkpoint that nobody waits for then never copies the row, so a power
  // cut cannot bring back an older row saying the file was closed.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('synchronous = OFF');
}

/** Waits for the disk to hold everything written, records the file closed, and closes it. */
export function closeAfterWaiting(db: Database.Database): void {
  if (!db.open) return;
  try {
    if (isMarked(db) && !db.memory) {
      db.pragma('synchronous = FULL');
      // A checkpoint waits for the disk only when it has a frame to copy:
      // one SQLite made on its own just before may have left nothing, and
      // its pages unwaited for. Writing the open mark again gives it one.
      db.exec(`UPDATE ${TABLE} SET still_open = 1`);
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy === 0) db.exec(`UPDATE ${TABLE} SET still_open = 0`);
    }
  } finally {
    db.close();
  }
}
