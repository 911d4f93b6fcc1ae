import type { ZodType } from 'zod';
import type { JsonObject } from './event-store.js';

/**
 * Reads an event's data as written at one schema version into the next
 * version's shape. Gets the event's metadata too: an old event may lack a
 * field that the metadata can supply (when it happened, for one).
 */
export type Upcaster = (data: JsonObject, metadata: JsonObject) => JsonObject;

/**
 * What a stored event type promises: its data's shape now, the version of
 * that shape (written into every event's metadata as `schemaVersion`), and
 * one upcaster per older version. The shapes of every version are kept in
 * `event-schemas.lock.json`; a test refuses a changed shape without a new
 * version and its upcaster.
 */
export interface EventContract<S extends ZodType = ZodType> {
  schema: S;
  version: number;
  /** `upcasters[v]` reads data of version v into version v + 1. */
  upcasters: Readonly<Record<number, Upcaster>>;
}

export function eventContract<S extends ZodType>(
  schema: S,
  version = 1,
  upcasters: Readonly<Record<number, Upcaster>> = {},
): EventContract<S> {
  return { schema, version, upcasters };
}

/** The version an event was written at; events written before versions were per type say 1. */
export function writtenVersion(metadata: JsonObject): number {
  const version = metadata.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/**
 * An event's data in its contract's current shape. Data already current is
 * returned as it is (no copy), so folding new events costs nothing extra.
 */
export function upcastData(contract: EventContract, data: JsonObject, metadata: JsonObject): JsonObject {
  let version = writtenVersion(metadata);
  let current = data;
  while (version < contract.version) {
    const step = contract.upcasters[version];
    if (!step) throw new Error(`no upcaster from version ${version} of this event`);
    current = step(current, metadata);
    version++;
  }
  return current;
}
