import { z } from 'zod';
import { areaCodeSchema, areaPrefix } from './area.js';
import { calendarYearFields, type CalendarYear } from './calendar.js';
import { deadlinePolicySchema, type DeadlinePolicy } from './deadline-policy.js';
import { categoryCode } from './case/commands.js';
import { urgencies } from './case/vocabulary.js';
import { eventContract } from './event-contract.js';
import { entryId } from './ids.js';
import { line } from './text.js';
import { instant } from './time.js';

export { entryId } from './ids.js';

/**
 * The directory: areas, stations (联络站/室, deputies' homes), deputies and
 * the case categories of each area. Each entry is an event stream of its
 * own (`area-<code>`, `station-<id>`, `deputy-<id>`, `category-<id>`), so
 * every change is kept with who made it and when.
 */
const name = line(100);

export const areaSchema = z.strictObject({ code: areaCodeSchema, name });
export type Area = z.infer<typeof areaSchema>;

export const stationKinds = ['station', 'room', 'home'] as const;
export const stationSchema = z.strictObject({
  id: entryId,
  name,
  kind: z.enum(stationKinds),
  areaCode: areaCodeSchema,
  address: line(300),
  /** When deputies receive visitors, in words ("every Monday 9:00–12:00"). */
  receptionSchedule: line(300),
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

/**
 * A case category of one area, valid there and in every area below it. Its
 * id is `<area code>.<code>`, so one code can mean a different list entry
 * in another district.
 */
export const categorySchema = z.strictObject({
  id: entryId,
  areaCode: areaCodeSchema,
  code: categoryCode,
  nameZh: name,
  nameEn: name,
  /** The urgency a new case of this category takes unless the form says otherwise. */
  defaultUrgency: z.enum(urgencies),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryIdOf = (areaCode: string, code: string) => `${areaCode}.${code}`;
/** What an administrator sends: the id follows from the area and the code. */
export const categoryInput = categorySchema.omit({ id: true });

/**
 * Who may sign in, and with which rights: a person (staff, a deputy, a
 * supervisor, an auditor, an administrator) or an API client. Tokens say
 * only who someone is; what they may do is read from here as of each
 * command, so a move or a removal takes effect at once. A deputy's
 * stations are those of their deputy entry (same id) when there is one.
 */
export const accountKinds = ['person', 'client'] as const;
export const accountRoles = ['staff', 'deputy', 'supervisor', 'auditor', 'admin'] as const;
export const accountSchema = z.strictObject({
  id: entryId,
  name,
  kind: z.enum(accountKinds).default('person'),
  role: z.enum(accountRoles),
  /** Where staff (and deputies without a deputy entry) work. */
  stationIds: stationIds.default([]),
  /** A supervisor's area: an area-code prefix. */
  area: areaPrefix.optional(),
  /** False: the account may no longer sign in, and its tokens stop working. */
  active: z.boolean().default(true),
  /** Tokens issued before this time are refused (an administrator revoked them). */
  tokensNotBefore: instant.optional(),
});
export type Account = z.infer<typeof accountSchema>;

/** Changes: every field but the identity is optional. */
export const areaChange = areaSchema.omit({ code: true }).partial();
export const stationChange = stationSchema.omit({ id: true }).partial();
export const deputyChange = deputySchema.omit({ id: true }).partial().extend({ stationIds: stationIds.optional() });
export const categoryChange = categorySchema.pick({ nameZh: true, nameEn: true, defaultUrgency: true }).partial();
export const accountChange = accountSchema.omit({ id: true }).partial().extend({ stationIds: stationIds.optional() });
/** A policy or a calendar year is sent whole; the update the directory records holds what changed. */
export const deadlinePolicyChange = deadlinePolicySchema.omit({ areaCode: true }).partial();
export const calendarChange = calendarYearFields.omit({ year: true }).partial();
export type AreaChange = z.infer<typeof areaChange>;
export type StationChange = z.infer<typeof stationChange>;
export type DeputyChange = z.infer<typeof deputyChange>;

/**
 * Directory events, declared on their own (not as aliases of the request
 * bodies above). Registered carries the full record; Updated carries the
 * entry's identity and only the fields that changed, so the history shows
 * exactly what each edit did and a read model can apply it without a lookup.
 */
const str = z.string();
const areaRecord = { code: str, name: str };
const stationRecord = { id: str, name: str, kind: z.enum(stationKinds), areaCode: str, address: str, receptionSchedule: str };
const deputyRecord = { id: str, name: str, level: z.enum(deputyLevels), stationIds: z.array(str) };
const categoryRecord = { id: str, areaCode: str, code: str, nameZh: str, nameEn: str, defaultUrgency: z.enum(urgencies) };
const accountRecord = {
  id: str, name: str, kind: z.enum(accountKinds), role: z.enum(accountRoles), stationIds: z.array(str),
  area: str.optional(), active: z.boolean(), tokensNotBefore: str.optional(),
};
const timeAllowed = z.strictObject({ amount: z.number(), unit: str });
const perUrgency = z.strictObject(Object.fromEntries(urgencies.map((u) => [u, timeAllowed])) as Record<(typeof urgencies)[number], typeof timeAllowed>);
const deadlinePolicyRecord = {
  areaCode: str, reply: perUrgency, feedback: perUrgency, remindAt: z.number(), escalateAfter: timeAllowed,
  escalateTo: z.array(str), workdayEndsAt: str,
};
const calendarRecord = { year: z.number(), holidays: z.array(str), workdays: z.array(str), source: str.optional() };
/** An update: the identity, and any of the other fields. */
const changeOf = <T extends z.ZodRawShape, I extends z.ZodRawShape>(record: T, identity: I) =>
  z.strictObject(record).partial().extend(identity);

export const directoryEventContracts = {
  AreaRegistered: eventContract(z.strictObject(areaRecord)),
  AreaUpdated: eventContract(changeOf(areaRecord, { code: str })),
  StationRegistered: eventContract(z.strictObject(stationRecord)),
  StationUpdated: eventContract(changeOf(stationRecord, { id: str })),
  DeputyRegistered: eventContract(z.strictObject(deputyRecord)),
  DeputyUpdated: eventContract(changeOf(deputyRecord, { id: str })),
  CategoryRegistered: eventContract(z.strictObject(categoryRecord)),
  CategoryUpdated: eventContract(changeOf(categoryRecord, { id: str })),
  AccountRegistered: eventContract(z.strictObject(accountRecord)),
  AccountUpdated: eventContract(changeOf(accountRecord, { id: str })),
  DeadlinePolicyRegistered: eventContract(z.strictObject(deadlinePolicyRecord)),
  DeadlinePolicyUpdated: eventContract(changeOf(deadlinePolicyRecord, { areaCode: str })),
  CalendarRegistered: eventContract(z.strictObject(calendarRecord)),
  CalendarUpdated: eventContract(changeOf(calendarRecord, { year: z.number() })),
} as const;
export type DirectoryEventType = keyof typeof directoryEventContracts;
export type DirectoryEvent = {
  [K in DirectoryEventType]: { type: K; data: z.output<(typeof directoryEventContracts)[K]['schema']> };
}[DirectoryEventType];
export type DirectoryEventOf<K extends DirectoryEventType> = Extract<DirectoryEvent, { type: K }>;

/** The kinds of entry, each one stream category. */
export const entryKinds = ['area', 'station', 'deputy', 'category', 'account', 'deadlinePolicy', 'calendar'] as const;
export type EntryKind = (typeof entryKinds)[number];
export interface EntryRecords {
  area: Area;
  station: Station;
  deputy: Deputy;
  category: Category;
  account: Account;
  /** An area's deadline policy: stream `deadlinePolicy-<area code>`. */
  deadlinePolicy: DeadlinePolicy;
  /** A year of the working calendar: stream `calendar-<year>`. */
  calendar: CalendarYear;
}

/** What the case service needs from the directory; always current (read from the log). */
export interface DirectoryLookup {
  station(id: string): Promise<Station | undefined>;
  deputy(id: string): Promise<Deputy | undefined>;
  /** The category with this code that applies in the area (its own list or an area's above it). */
  categoryFor(areaCode: string, code: string): Promise<Category | undefined>;
}
