import t, { type Test } from 'tap';
import { timersOfCase } from '../../../projections/deadlines/index.js';
import { openTestStore } from '../../support/store-factory.js';
import { act, eventsAfterReceipt, receive, schedulerOver } from './support.js';

// Monday 2 March 2026, 10:00 in China. An emergency: a reply within 2 hours
// (reminded at 75%), feedback by the end of the next working day, each
// escalated three working days after it passes unanswered.
const T0 = '2026-03-02T02:00:00.000Z';
const plan = {
  remindReply: '2026-03-02T03:30:00.000Z',
  replyDue: '2026-03-02T04:00:00.000Z',
  remindFeedback: '2026-03-03T02:00:00.000Z',
  feedbackDue: '2026-03-03T10:00:00.000Z',
  escalateReply: '2026-03-05T10:00:00.000Z',
  escalateFeedback: '2026-03-06T10:00:00.000Z',
};

async function sqlite(t: Test) {
  const store = await openTestStore({ HUIYIN_TEST_STORE: 'sqlite' });
  t.teardown(() => store.close());
  return store;
}

t.test('scheduler › every firing in its turn, as the clock reaches it, and nothing before', async (t) => {
  const store = await sqlite(t);
  const { cases, scheduler, moveTo, clock } = await schedulerOver(t, store, T0);
  await receive(cases, 'c1', T0);
  await scheduler.start();
  await moveTo('2026-03-02T03:29:59.000Z');
  t.same(await eventsAfterReceipt(store, 'c1'), [], 'nothing fires early');
  t.same(clock.waits, [plan.remindReply], 'the scheduler sleeps until the first firing is due');
  await moveTo(plan.remindReply);
  await moveTo(plan.replyDue);
  const first = await eventsAfterReceipt(store, 'c1');
  t.same(first.map((e) => e.type), ['ReminderSent', 'CaseWentOverdue']);
  t.same(first[0]?.data, { deadline: 'reply', dueBy: plan.replyDue, to: { deputyIds: [], stationStaff: 'st-baichehe' } });
  t.same(first.map((e) => e.actor), ['huiyin', 'huiyin'], 'Huiyin acts as itself');
  await moveTo(plan.remindFeedback);
  await moveTo('2026-03-10T00:00:00.000Z');
  const all = await eventsAfterReceipt(store, 'c1');
  t.same(all.map((e) => `${e.type} ${String(e.data.deadline ?? (e.data.automatic as { deadline: string }).deadline)}`), [
    'ReminderSent reply',
    'CaseWentOverdue reply',
    'ReminderSent feedback',
    'CaseWentOverdue feedback',
    'CaseEscalated reply',
    'CaseEscalated feedback',
  ], 'a week later: both deadlines reminded, marked and escalated, in due order');
  t.match(all[4]?.data, { automatic: { policy: { definedBy: null, revision: -1 }, supervisorIds: [] }, dueBy: null });
  t.same(clock.waits, [], 'nothing left to wait for');
  t.same(scheduler.status.fired, 6);
});

t.test('scheduler › a reply before the deadline cancels its firings; feedback cancels the rest', async (t) => {
  const store = await sqlite(t);
  const { cases, scheduler, moveTo, readModels } = await schedulerOver(t, store, T0);
  await receive(cases, 'c1', T0);
  await act(cases, 'c1', 'assign', '2026-03-02T02:10:00.000Z');
  await act(cases, 'c1', 'acknowledge', '2026-03-02T02:20:00.000Z', { id: 'dep-li', role: 'deputy' as const });
  await scheduler.start();
  await moveTo(plan.remindFeedback);
  const events = await eventsAfterReceipt(store, 'c1');
  t.same(events.filter((e) => e.actor === 'huiyin').map((e) => `${e.type} ${String(e.data.deadline)}`), ['ReminderSent feedback'], 'the reply deadline was answered');
  t.same(events.at(-1)?.data.to, { deputyIds: ['dep-li', 'dep-wen'], stationStaff: null }, 'the assigned deputies are reminded');
  await act(cases, 'c1', 'resolve', '2026-03-03T03:00:00.000Z', { id: 'dep-li', role: 'deputy' as const });
  await act(cases, 'c1', 'give-feedback', '2026-03-03T04:00:00.000Z');
  await readModels.runner('deadlines')!.waitFor(await store.headPosition());
  t.same(timersOfCase(readModels.db, 'c1'), [], 'feedback given: nothing is pending');
  await moveTo('2026-03-20T00:00:00.000Z');
  t.same((await eventsAfterReceipt(store, 'c1')).filter((e) => e.actor === 'huiyin').length, 1, 'and nothing more fired');
});

t.test('scheduler › down while deadlines passed: on start it fires what came due, in due order, once', async (t) => {
  const store = await sqlite(t);
  const first = await schedulerOver(t, store, T0);
  for (let i = 0; i < 5; i++) await receive(first.cases, `c${i}`, `2026-03-02T0${2 + i}:00:00.000Z`);
  // A second instance starts hours later: the first never ran its scheduler.
  const later = await schedulerOver(t, store, '2026-03-02T12:00:00.000Z', { batchSize: 1 });
  await later.scheduler.start();
  await later.scheduler.idle();
  const all = await store.readAll();
  const firings = all.filter((e) => (e.metadata.actor as { id: string }).id === 'huiyin').map((e) => `${e.streamName} ${e.type}`);
  // Each reply deadline passed while nobody fired its reminder: a reminder of a passed deadline is its overdue mark.
  t.same(firings, ['c0', 'c1', 'c2', 'c3', 'c4'].map((c) => `case-${c} CaseWentOverdue`));
  t.match(later.scheduler.status, { fired: 5, moot: 0, failed: 0, nextWakeAt: '2026-03-03T02:00:00.000Z' });
});

for (const kind of ['sqlite', 'esdb-wire'] as const) {
  t.test(`scheduler › two instances on one ${kind} store fire each timer once`, async (t) => {
    const store = await openTestStore({ HUIYIN_TEST_STORE: kind });
    t.teardown(() => store.close());
    const a = await schedulerOver(t, store, T0);
    const b = await schedulerOver(t, store, T0);
    for (let i = 0; i < 20; i++) await receive(a.cases, `c${i}`, T0);
    // B's engine has the cases cached from nothing: it reads them when it fires.
    await Promise.all([a.scheduler.start(), b.scheduler.start()]);
    await Promise.all([a.moveTo('2026-03-10T00:00:00.000Z'), b.moveTo('2026-03-10T00:00:00.000Z')]);
    await Promise.all([a.moveTo('2026-03-11T00:00:00.000Z'), b.moveTo('2026-03-11T00:00:00.000Z')]);
    const all = await store.readAll();
    const firings = all.filter((e) => (e.metadata.actor as { id: string }).id === 'huiyin');
    // Both deadlines passed at once: per case two overdue marks (the reminders came too late) and two escalations.
    t.equal(firings.length, 20 * 4, 'four firings per case, each recorded once');
    t.equal(new Set(firings.map((e) => `${e.streamName} ${e.type} ${JSON.stringify(e.data)}`)).size, firings.length);
    t.equal(a.scheduler.status.failed + b.scheduler.status.failed, 0);
    t.ok(a.scheduler.status.fired + a.scheduler.status.moot > 0 && b.scheduler.status.fired + b.scheduler.status.moot > 0, 'both instances sent firings');
  });
}

t.test('scheduler › idle with many pending, it waits for the next one and asks nothing in between', async (t) => {
  const store = await sqlite(t);
  const { cases, scheduler, clock, runner } = await schedulerOver(t, store, T0);
  await scheduler.start();
  t.same(clock.waits, [], 'nothing pending: no wake at all');
  await receive(cases, 'c1', T0, 'normal');
  await runner.waitFor(await store.headPosition());
  await scheduler.idle();
  const firstWake = clock.waits;
  t.equal(firstWake.length, 1, 'one wake, for the first reminder');
  const reads = scheduler.status.queueReads;
  await receive(cases, 'c2', '2026-03-02T03:00:00.000Z', 'complex');
  await runner.waitFor(await store.headPosition());
  t.same(clock.waits, firstWake, 'a later deadline does not wake it');
  t.equal(scheduler.status.queueReads, reads, 'nor make it read its queue');
  await receive(cases, 'c3', '2026-03-02T02:30:00.000Z', 'emergency');
  await runner.waitFor(await store.headPosition());
  await scheduler.idle();
  t.same(clock.waits, ['2026-03-02T04:00:00.000Z'], 'an earlier one moves the wake forward');
});

t.test('scheduler › a reopening that sets the same due time again is a new round: its reminder fires too', async (t) => {
  const store = await sqlite(t);
  // National Day week 2026 (1–7 October) is all holiday: received on the 1st or reopened on the 7th,
  // an emergency's feedback is due at the end of the first working day after, 8 October.
  const { cases, scheduler, moveTo } = await schedulerOver(t, store, '2026-10-01T02:00:00.000Z');
  const deputy = { id: 'dep-li', role: 'deputy' as const };
  const received = await receive(cases, 'c1', '2026-10-01T02:00:00.000Z');
  await scheduler.start();
  await moveTo('2026-10-07T00:00:00.000Z');
  await act(cases, 'c1', 'assign', '2026-10-07T01:00:00.000Z');
  await act(cases, 'c1', 'acknowledge', '2026-10-07T01:10:00.000Z', deputy);
  await act(cases, 'c1', 'resolve', '2026-10-07T01:20:00.000Z', deputy);
  const reopened = await act(cases, 'c1', 'reopen', '2026-10-07T02:00:00.000Z');
  const firstDue = received.state.context.received?.plan?.feedback.dueBy;
  t.equal(reopened.state.context.reopenings[0]?.plan?.feedback.dueBy, firstDue, 'the same feedback deadline in both rounds');
  await moveTo('2026-10-08T09:00:00.000Z');
  const reminders = (await eventsAfterReceipt(store, 'c1')).filter((e) => e.type === 'ReminderSent' && e.data.deadline === 'feedback');
  t.equal(reminders.length, 2, 'reminded in each round');
  t.same(reminders.map((e) => e.data.dueBy), [firstDue, firstDue]);
});
