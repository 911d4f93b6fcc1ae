import t, { type Test } from 'tap';
import type Database from 'better-sqlite3';
import { openReadModelDb } from '../../../projections/db.js';
import { appointmentIdByCode, appointmentsProjection, appointmentTables, keptSlotStarts, listAppointments } from '../../../projections/appointments/index.js';
import { startProjection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { appointmentTrackingCode, appointmentWorkflow, slotClaimWorkflow } from '../../../workflows/appointment/index.js';
import { WorkflowEngine } from '../../../workflows/engine/engine.js';

const staff = { id: 'staff-a', role: 'staff' as const, stations: ['st-a'] };
const monday = '2026-06-15T01:00:00.000Z';
const slotAt = (minutes: number) => ({
  start: new Date(Date.parse(monday) + minutes * 60_000).toISOString(),
  end: new Date(Date.parse(monday) + (minutes + 30) * 60_000).toISOString(),
});

/** Appointments written through the workflow to a real store, projected by the real runner. */
async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, appointmentsProjection);
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const engine = new WorkflowEngine(store, appointmentWorkflow);
  const claims = new WorkflowEngine(store, slotClaimWorkflow);
  let n = 0;
  const send = async (id: string, type: string, data: object, occurredAt = '2026-06-12T01:00:00.000Z') =>
    (await engine.execute({ streamId: id, type, data, commandId: `c-${n++}`, actor: staff, occurredAt })).position;
  const book = async (id: string, deputyId: string, stationId: string, minutes: number) => {
    await claims.execute({ streamId: `slot-${deputyId}-${slotAt(minutes).start}`, type: 'claim', data: { deputyId, start: slotAt(minutes).start, appointmentId: id }, commandId: `c-${n++}`, actor: staff, occurredAt: '2026-06-12T01:00:00.000Z' });
    const citizen = { name: `Citizen ${id}`, phone: '138 0000 0613' };
    return send(id, 'request', { deputyId, stationId, areaCode: stationId === 'st-a' ? '520221104' : '520201003', slot: slotAt(minutes), citizen, topic: `Topic ${id}` });
  };
  const caughtUp = async (position: number) => t.ok(await runner.waitFor(position, 2000), 'the read model caught up');
  return { store, db, send, book, caughtUp };
}

const dump = (db: Database.Database) => db.prepare(`SELECT * FROM ${appointmentTables.items} ORDER BY id`).all();

t.test('appointments read model › lists by scope and filter, keeps the slots of live appointments, finds codes', async (t) => {
  const { db, send, book, caughtUp } = await setup(t);
  await book('a-1', 'dep-li', 'st-a', 0);
  await book('a-2', 'dep-li', 'st-a', 30);
  await book('a-3', 'dep-yue', 'st-b', 0);
  await send('a-1', 'confirm', {});
  await send('a-2', 'reschedule', { slot: slotAt(90), reason: 'Later' });
  const last = await send('a-3', 'decline', { reason: 'Not for a deputy' });
  await caughtUp(last);
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const page = { limit: 50 };
  t.same(ids(listAppointments(db, { kind: 'all' }, {}, page)), ['a-1', 'a-3', 'a-2'], 'by slot time');
  t.same(ids(listAppointments(db, { kind: 'stations', stationIds: ['st-a'] }, {}, page)), ['a-1', 'a-2']);
  t.same(ids(listAppointments(db, { kind: 'deputy', deputyId: 'dep-yue' }, {}, page)), ['a-3']);
  t.same(ids(listAppointments(db, { kind: 'area', areaPrefix: '520221' }, { status: 'rescheduled' }, page)), ['a-2']);
  t.same(ids(listAppointments(db, { kind: 'none' }, {}, page)), []);
  t.same(ids(listAppointments(db, { kind: 'all' }, { from: slotAt(30).start, to: slotAt(120).start }, page)), ['a-2']);
  const first = listAppointments(db, { kind: 'all' }, {}, { limit: 2 });
  t.same(ids(listAppointments(db, { kind: 'all' }, {}, { limit: 2, after: first.next })), ['a-2'], 'the next page follows the cursor');
  t.same([...keptSlotStarts(db, 'dep-li', monday, slotAt(240).start)].sort(), [slotAt(0).start, slotAt(90).start], 'moved: the new slot is kept, the old one free');
  t.same([...keptSlotStarts(db, 'dep-yue', monday, slotAt(240).start)], [], 'a declined appointment keeps none');
  t.equal(appointmentIdByCode(db, appointmentTrackingCode('a-2')), 'a-2');
  t.notOk(JSON.stringify(dump(db)).includes('0613'), 'no phone in the read model');
});

t.test('appointments read model › a rebuild from the log equals the live tables', async (t) => {
  const { store, db, send, book, caughtUp } = await setup(t);
  await book('b-1', 'dep-li', 'st-a', 0);
  await send('b-1', 'confirm', {});
  await send('b-1', 'hold', { heldAt: slotAt(0).start, deputyIds: ['dep-li'], caseIds: [] }, slotAt(10).start);
  await book('b-2', 'dep-li', 'st-a', 30);
  const last = await send('b-2', 'cancel', {});
  await caughtUp(last);
  const rebuilt = openReadModelDb(':memory:');
  const runner = startProjection(rebuilt, store, appointmentsProjection);
  t.teardown(async () => {
    await runner.close();
    rebuilt.close();
  });
  t.ok(await runner.waitFor(last, 2000));
  t.same(dump(rebuilt), dump(db));
  t.same((dump(db) as { status: string }[]).map((r) => r.status), ['held', 'cancelled']);
});
