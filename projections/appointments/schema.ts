/** appointments@1's table: the version is in its name, so a new version builds beside this one. */
export const APPOINTMENTS_VERSION = 1;
const v = `appointments_v${APPOINTMENTS_VERSION}`;
export const appointmentTables = { items: `${v}_items` } as const;

/**
 * One row per appointment, as it stands now. Lists read it by station,
 * deputy or area and slot time; the slot finder reads a deputy's kept
 * slots; the online station finds an appointment by its tracking code
 * (unique: one code, one appointment). The phone is not kept here: only
 * the appointment's own stream, read by those who may see it, holds it.
 */
export const appointmentsDdl = [
  `CREATE TABLE IF NOT EXISTS ${appointmentTables.items} (
    id TEXT PRIMARY KEY, tracking_code TEXT NOT NULL, status TEXT NOT NULL,
    deputy_id TEXT NOT NULL, station_id TEXT NOT NULL, area_code TEXT NOT NULL,
    slot_start TEXT NOT NULL, slot_end TEXT NOT NULL, citizen_name TEXT NOT NULL, topic TEXT NOT NULL
  ) WITHOUT ROWID`,
  `CREATE UNIQUE INDEX IF NOT EXISTS ${v}_by_code ON ${appointmentTables.items} (tracking_code)`,
  `CREATE INDEX IF NOT EXISTS ${v}_by_deputy ON ${appointmentTables.items} (deputy_id, slot_start, id)`,
  `CREATE INDEX IF NOT EXISTS ${v}_by_station ON ${appointmentTables.items} (station_id, slot_start, id)`,
  `CREATE INDEX IF NOT EXISTS ${v}_by_slot ON ${appointmentTables.items} (slot_start, id)`,
];
