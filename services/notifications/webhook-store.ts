import type Database from 'better-sqlite3';

/**
 * The webhook's own bookkeeping, beside the read models but owned by none
 * of them (a rebuild of the notifications model does not resend what was
 * delivered): how far the outbox has read the notifications, and each
 * delivery still to make or given up on (the dead letters).
 */
const ddl = [
  `CREATE TABLE IF NOT EXISTS webhook_cursor (one INTEGER PRIMARY KEY CHECK (one = 1), last_id INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id TEXT PRIMARY KEY, body TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
    last_error TEXT, dead INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (dead, next_at)`,
];

export interface Delivery {
  id: string;
  body: string;
  attempts: number;
  nextAt: number;
  lastError: string | null;
}

interface Row {
  id: string;
  body: string;
  attempts: number;
  next_at: number;
  last_error: string | null;
}
const deliveryOf = (r: Row): Delivery => ({ id: r.id, body: r.body, attempts: r.attempts, nextAt: r.next_at, lastError: r.last_error });

export class WebhookStore {
  readonly #s;

  constructor(readonly db: Database.Database) {
    for (const statement of ddl) db.exec(statement);
    this.#s = {
      cursor: db.prepare<[], { last_id: number }>('SELECT last_id FROM webhook_cursor WHERE one = 1'),
      setCursor: db.prepare('INSERT INTO webhook_cursor (one, last_id) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET last_id = excluded.last_id'),
      enqueue: db.prepare('INSERT OR IGNORE INTO webhook_deliveries (id, body, next_at) VALUES (?, ?, ?)'),
      due: db.prepare<[number, number], Row>('SELECT * FROM webhook_deliveries WHERE dead = 0 AND next_at <= ? ORDER BY next_at, id LIMIT ?'),
      next: db.prepare<[], { at: number | null }>('SELECT MIN(next_at) AS at FROM webhook_deliveries WHERE dead = 0'),
      done: db.prepare('DELETE FROM webhook_deliveries WHERE id = ?'),
      failed: db.prepare('UPDATE webhook_deliveries SET attempts = ?, next_at = ?, last_error = ?, dead = ? WHERE id = ?'),
      dead: db.prepare<[], Row>('SELECT * FROM webhook_deliveries WHERE dead = 1 ORDER BY id'),
      retry: db.prepare('UPDATE webhook_deliveries SET dead = 0, attempts = 0, next_at = ? WHERE id = ? AND dead = 1'),
    };
  }

  cursor(): number | undefined {
    return this.#s.cursor.get()?.last_id;
  }

  /** Where a first start begins: after the notification `lastId`. */
  startAt(lastId: number): void {
    this.#s.setCursor.run(lastId);
  }

  /** Queues deliveries and moves the cursor past them, in one transaction. */
  enqueue(deliveries: Array<{ id: string; body: string }>, lastId: number, now: number): void {
    this.db.transaction(() => {
      for (const d of deliveries) this.#s.enqueue.run(d.id, d.body, now);
      this.#s.setCursor.run(lastId);
    })();
  }

  due(now: number, limit: number): Delivery[] {
    return this.#s.due.all(now, limit).map(deliveryOf);
  }

  nextAt(): number | undefined {
    return this.#s.next.get()?.at ?? undefined;
  }

  delivered(id: string): void {
    this.#s.done.run(id);
  }

  failed(d: Delivery, error: string, nextAt: number, dead: boolean): void {
    this.#s.failed.run(d.attempts + 1, nextAt, error.slice(0, 500), dead ? 1 : 0, d.id);
  }

  deadLetters(): Delivery[] {
    return this.#s.dead.all().map(deliveryOf);
  }

  /** Sends a dead letter again from the first attempt; false when there is no such dead letter. */
  retry(id: string, now: number): boolean {
    return this.#s.retry.run(now, id).changes === 1;
  }
}
