import type Database from 'better-sqlite3';
import { directoryEventContracts, type DirectoryEvent } from '../../contracts/directory.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { tables as t } from './schema.js';
import { preparedPerDb } from '../prepared.js';

type Statement = Database.Statement<Record<string, unknown>>;

// Updates bind absent fields as NULL and keep the column as it was: events
// carry only what changed, and every column is NOT NULL.
function prepare(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql) as Statement;
  return {
    putArea: s(`INSERT OR REPLACE INTO ${t.areas} (code, name) VALUES (@code, @name)`),
    updateArea: s(`UPDATE ${t.areas} SET name = coalesce(@name, name) WHERE code = @code`),
    putStation: s(`INSERT OR REPLACE INTO ${t.stations} (id, name, kind, area_code, address, reception_schedule)
      VALUES (@id, @name, @kind, @areaCode, @address, @receptionSchedule)`),
    updateStation: s(`UPDATE ${t.stations} SET name = coalesce(@name, name), kind = coalesce(@kind, kind),
      area_code = coalesce(@areaCode, area_code), address = coalesce(@address, address),
      reception_schedule = coalesce(@receptionSchedule, reception_schedule) WHERE id = @id`),
    putDeputy: s(`INSERT OR REPLACE INTO ${t.deputies} (id, name, level) VALUES (@id, @name, @level)`),
    updateDeputy: s(`UPDATE ${t.deputies} SET name = coalesce(@name, name), level = coalesce(@level, level) WHERE id = @id`),
    clearDeputyStations: s(`DELETE FROM ${t.deputyStations} WHERE deputy_id = @id`),
    addDeputyStation: s(`INSERT INTO ${t.deputyStations} (deputy_id, station_id, ord) VALUES (@id, @stationId, @ord)`),
    putCategory: s(`INSERT OR REPLACE INTO ${t.categories} (id, area_code, code, name_zh, name_en, default_urgency)
      VALUES (@id, @areaCode, @code, @nameZh, @nameEn, @defaultUrgency)`),
    updateCategory: s(`UPDATE ${t.categories} SET name_zh = coalesce(@nameZh, name_zh), name_en = coalesce(@nameEn, name_en),
      default_urgency = coalesce(@defaultUrgency, default_urgency) WHERE id = @id`),
  };
}

const statementsFor = preparedPerDb(prepare);

const withNulls = (fields: readonly string[], data: object) => ({
  ...Object.fromEntries(fields.map((field) => [field, null])),
  ...data,
});
const stationFields = ['name', 'kind', 'areaCode', 'address', 'receptionSchedule'] as const;

/**
 * A recorded event as the directory event its type names, its data read
 * into the current shape; undefined for types the directory does not know.
 */
function asDirectoryEvent(event: RecordedEvent): DirectoryEvent | undefined {
  if (!Object.hasOwn(directoryEventContracts, event.type)) return undefined;
  const type = event.type as DirectoryEvent['type'];
  // The log holds what the directory workflows wrote, and their tests parse every event they decide.
  return { type, data: upcastData(directoryEventContracts[type], event.data, event.metadata) } as DirectoryEvent;
}

/** The directory read model's evolve: one event, a few synchronous statements. */
export function evolveDirectory(db: Database.Database, event: RecordedEvent): void {
  const s = statementsFor(db);
  const setStations = (id: string, stationIds: readonly string[]) => {
    s.clearDeputyStations.run({ id });
    stationIds.forEach((stationId, ord) => s.addDeputyStation.run({ id, stationId, ord }));
  };
  const typed = asDirectoryEvent(event);
  switch (typed?.type) {
    case 'AreaRegistered':
      s.putArea.run(typed.data);
      return;
    case 'AreaUpdated':
      s.updateArea.run(withNulls(['name'], typed.data));
      return;
    case 'StationRegistered':
      s.putStation.run(typed.data);
      return;
    case 'StationUpdated':
      s.updateStation.run(withNulls(stationFields, typed.data));
      return;
    case 'DeputyRegistered':
      s.putDeputy.run({ id: typed.data.id, name: typed.data.name, level: typed.data.level });
      setStations(typed.data.id, typed.data.stationIds);
      return;
    case 'DeputyUpdated': {
      const { id, name = null, level = null, stationIds } = typed.data;
      s.updateDeputy.run({ id, name, level });
      if (stationIds) setStations(id, stationIds);
      return;
    }
    case 'CategoryRegistered':
      s.putCategory.run(typed.data);
      return;
    case 'CategoryUpdated':
      s.updateCategory.run(withNulls(['nameZh', 'nameEn', 'defaultUrgency'], typed.data));
      return;
    default:
      // Event types of a newer writer, or of another kind, leave the model as it is.
      return;
  }
}
