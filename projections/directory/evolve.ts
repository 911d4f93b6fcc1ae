import type Database from 'better-sqlite3';
import type { DirectoryEventOf, DirectoryEventType } from '../../contracts/directory.js';
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
  };
}

const statementsFor = preparedPerDb(prepare);

const withNulls = (fields: readonly string[], data: object) => ({
  ...Object.fromEntries(fields.map((field) => [field, null])),
  ...data,
});
const stationFields = ['name', 'kind', 'areaCode', 'address', 'receptionSchedule'] as const;

/** The directory read model's evolve: one event, a few synchronous statements. */
export function evolveDirectory(db: Database.Database, event: RecordedEvent): void {
  const s = statementsFor(db);
  const setStations = (id: string, stationIds: readonly string[]) => {
    s.clearDeputyStations.run({ id });
    stationIds.forEach((stationId, ord) => s.addDeputyStation.run({ id, stationId, ord }));
  };
  const typed = event as unknown as { [K in DirectoryEventType]: DirectoryEventOf<K> }[DirectoryEventType];
  switch (typed.type) {
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
    default:
      // Event types of a newer writer, or of another kind, leave the model as it is.
      return;
  }
}
