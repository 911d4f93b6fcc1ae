import type Database from 'better-sqlite3';
import { activityEventContracts, type ActivityEvent } from '../../contracts/activities.js';
import { directoryEventContracts } from '../../contracts/directory.js';
import { upcastData } from '../../contracts/event-contract.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { visitEventContracts } from '../../contracts/visits.js';
import { caseFactOf } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import { chinaPeriodsOf } from './calendar.js';
import { threeOnesTables as t } from './schema.js';
import { activityRowOf, appointmentHeldOf } from './sources.js';

/** Matters raised without meeting anyone. */
const remoteChannels = new Set<string>(['online-message', 'hotline']);

type Statement = Database.Statement<Record<string, unknown>>;
const statementsFor = preparedPerDb((db: Database.Database) => {
  const s = (sql: string) => db.prepare(sql) as Statement;
  return {
    putDeputy: s(`INSERT OR REPLACE INTO ${t.deputies} (id, name, joined_at) VALUES (@id, @name, @joinedAt)`),
    renameDeputy: s(`UPDATE ${t.deputies} SET name = @name WHERE id = @id`),
    clearStations: s(`DELETE FROM ${t.deputyStations} WHERE deputy_id = @id`),
    addStation: s(`INSERT OR IGNORE INTO ${t.deputyStations} (deputy_id, station_id) VALUES (@id, @stationId)`),
    putStation: s(`INSERT OR REPLACE INTO ${t.stations} (id, area_code) VALUES (@id, @areaCode)`),
    count: s(`INSERT INTO ${t.duties} (deputy_id, duty, period, count) VALUES (@deputyId, @duty, @period, 1)
      ON CONFLICT (deputy_id, period, duty) DO UPDATE SET count = count + 1`),
    putActivity: s(`INSERT OR REPLACE INTO ${t.activities}
      (id, status, kind, title, place, area_code, station_id, starts_at, ends_at, held_at, at, deputy_ids, attendance, summary, cancel_reason)
      VALUES (@id, @status, @kind, @title, @place, @areaCode, @stationId, @startsAt, @endsAt, @heldAt, @at, @deputyIds, @attendance, @summary, NULL)`),
    holdActivity: s(`UPDATE ${t.activities} SET status = 'held', kind = @kind, title = @title, place = @place, held_at = @heldAt, at = @heldAt,
      deputy_ids = @deputyIds, attendance = @attendance, summary = @summary WHERE id = @id`),
    cancelActivity: s(`UPDATE ${t.activities} SET status = 'cancelled', cancel_reason = @reason WHERE id = @id`),
  };
});

type Duty = 'contact' | 'activity' | 'report-back';

/** Each deputy once per event, however often the event names them. */
function countDuty(db: Database.Database, deputyIds: readonly string[], duty: Duty, at: string): void {
  const periods = chinaPeriodsOf(at);
  const period = duty === 'contact' ? periods.month : duty === 'activity' ? periods.quarter : periods.year;
  for (const deputyId of new Set(deputyIds)) statementsFor(db).count.run({ deputyId, duty, period });
}

function evolveDirectory(db: Database.Database, recorded: RecordedEvent): void {
  const s = statementsFor(db);
  const contracts = directoryEventContracts;
  if (recorded.type === 'StationRegistered' || recorded.type === 'StationUpdated') {
    const data = upcastData(contracts[recorded.type], recorded.data, recorded.metadata) as { id: string; areaCode?: string };
    if (data.areaCode !== undefined) s.putStation.run({ id: data.id, areaCode: data.areaCode });
  } else if (recorded.type === 'DeputyRegistered' || recorded.type === 'DeputyUpdated') {
    const data = upcastData(contracts[recorded.type], recorded.data, recorded.metadata) as { id: string; name?: string; stationIds?: string[] };
    if (recorded.type === 'DeputyRegistered') {
      // A deputy's duties run from when the directory registered them: the event's own time.
      const joinedAt = new Date(String(recorded.metadata.occurredAt ?? recorded.recordedAt)).toISOString();
      s.putDeputy.run({ id: data.id, name: data.name ?? data.id, joinedAt });
    } else if (data.name !== undefined) s.renameDeputy.run({ id: data.id, name: data.name });
    if (data.stationIds) {
      s.clearStations.run({ id: data.id });
      for (const stationId of data.stationIds) s.addStation.run({ id: data.id, stationId });
    }
  }
}

function evolveActivity(db: Database.Database, recorded: RecordedEvent): void {
  if (!Object.hasOwn(activityEventContracts, recorded.type)) return;
  const type = recorded.type as ActivityEvent['type'];
  const event = { type, data: upcastData(activityEventContracts[type], recorded.data, recorded.metadata) } as ActivityEvent;
  const s = statementsFor(db);
  switch (event.type) {
    case 'ActivityAnnounced':
      s.putActivity.run(activityRowOf(event));
      return;
    case 'ActivityHeld': {
      const row = activityRowOf(event);
      // Held after an announcement keeps the announced start and end; recorded afterwards, it is new here.
      if (s.holdActivity.run(row).changes === 0) s.putActivity.run(row);
      const { deputyIds, heldAt, kind } = event.data;
      countDuty(db, deputyIds, 'activity', heldAt);
      if (kind === 'contact') countDuty(db, deputyIds, 'contact', heldAt);
      if (kind === 'report-back') countDuty(db, deputyIds, 'report-back', heldAt);
      return;
    }
    case 'ActivityCancelled':
      s.cancelActivity.run({ id: event.data.activityId, reason: event.data.reason });
      return;
  }
}

/**
 * One event: a directory change, a contact (a reception or a site check on
 * a case, a registered visit, an appointment held), or an activity.
 */
export function evolveThreeOnes(db: Database.Database, recorded: RecordedEvent): void {
  const category = recorded.streamName.slice(0, recorded.streamName.indexOf('-'));
  switch (category) {
    case 'deputy':
    case 'station':
      return evolveDirectory(db, recorded);
    case 'case': {
      const fact = caseFactOf(recorded);
      // Meeting constituents is the duty: a message left online for a deputy is not a contact they made.
      const inPerson = fact?.event.type === 'CaseReceived' && !remoteChannels.has(fact.event.data.channel);
      if (fact?.event.type === 'CaseReceived' && inPerson) countDuty(db, fact.event.data.receptionDeputyIds, 'contact', fact.event.data.receivedAt);
      if (fact?.event.type === 'SiteCheckCompleted') countDuty(db, fact.event.data.participants.deputyIds, 'contact', fact.event.data.checkedAt);
      return;
    }
    case 'visit': {
      if (recorded.type !== 'VisitRegistered') return;
      const data = upcastData(visitEventContracts.VisitRegistered, recorded.data, recorded.metadata) as { deputyIds: string[]; receivedAt: string };
      return countDuty(db, data.deputyIds, 'contact', data.receivedAt);
    }
    case 'appointment': {
      const held = appointmentHeldOf(recorded);
      if (held) countDuty(db, held.deputyIds, 'contact', held.heldAt);
      return;
    }
    case 'activity':
      return evolveActivity(db, recorded);
  }
}
