import { z } from 'zod';
import { areaCodeSchema } from './case/commands.js';

/**
 * The directory: areas, stations (联络站/室, deputies' homes) and deputies.
 * Each entry is an event stream of its own (`area-<code>`, `station-<id>`,
 * `deputy-<id>`), so every change is kept with who made it and when.
 */
const name = z.string().trim().min(1).max(100);
export const entryId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits and _ . - only');

export const areaSchema = z.strictObject({ code: areaCodeSchema, name });
export type Area = z.infer<typeof areaSchema>;

export const stationKinds = ['station', 'room', 'home'] as const;
export const stationSchema = z.strictObject({
  id: entryId,
  name,
  kind: z.enum(stationKinds),
  areaCode: areaCodeSchema,
  address: z.string().trim().min(1).max(300),
  /** When deputies receive visitors, in words ("every Monday 9:00–12:00"). */
  receptionSchedule: z.string().trim().min(1).max(300),
});
export type Station = z.infer<typeof stationSchema>;

export const deputyLevels = ['national', 'provincial', 'city', 'county', 'township'] as const;
/** The first station is where the deputy is usually found; order is kept. */
const stationIds = z
  .array(entryId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'station ids must not repeat');
export const deputySchema = z.strictObject({
  id: entryId,
  name,
  level: z.enum(deputyLevels),
  stationIds: stationIds.default([]),
});
export type Deputy = z.infer<typeof deputySchema>;

/** Changes: every field but the identity is optional. */
export const areaChange = areaSchema.omit({ code: true }).partial();
export const stationChange = stationSchema.omit({ id: true }).partial();
export const deputyChange = deputySchema.omit({ id: true }).partial().extend({ stationIds: stationIds.optional() });
export type AreaChange = z.infer<typeof areaChange>;
export type StationChange = z.infer<typeof stationChange>;
export type DeputyChange = z.infer<typeof deputyChange>;

/**
 * Directory events. Registered carries the full record; Updated carries the
 * entry's identity and only the fields that changed, so the history shows
 * exactly what each edit did and a read model can apply it without a lookup.
 */
export const directoryEventData = {
  AreaRegistered: areaSchema,
  AreaUpdated: areaChange.extend({ code: areaCodeSchema }),
  StationRegistered: stationSchema,
  StationUpdated: stationChange.extend({ id: entryId }),
  DeputyRegistered: deputySchema.extend({ stationIds }),
  DeputyUpdated: deputyChange.extend({ id: entryId }),
} as const;
export type DirectoryEventType = keyof typeof directoryEventData;
export type DirectoryEventOf<K extends DirectoryEventType> = { type: K; data: z.output<(typeof directoryEventData)[K]> };

/** Bumped when an event's data shape changes; stored in every event's metadata. */
export const DIRECTORY_EVENT_SCHEMA_VERSION = 1;

/** The kinds of entry, each one stream category. */
export const entryKinds = ['area', 'station', 'deputy'] as const;
export type EntryKind = (typeof entryKinds)[number];
export interface EntryRecords {
  area: Area;
  station: Station;
  deputy: Deputy;
}

/** What the case service needs from the directory; always current (read from the log). */
export interface DirectoryLookup {
  station(id: string): Promise<Station | undefined>;
  deputy(id: string): Promise<Deputy | undefined>;
}
