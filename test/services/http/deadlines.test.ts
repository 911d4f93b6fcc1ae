import t from 'tap';
import { defaultDeadlinePolicy, type DeadlinePolicyInput } from '../../../contracts/deadline-policy.js';
import { caseDeadlines } from '../../../workflows/time/deadlines.js';
import { officialCalendars } from '../../../workflows/time/official-calendars.js';
import { WorkingCalendar } from '../../../workflows/time/working-days.js';
import { sampleReceiveBody } from '../../support/case-fixtures.js';
import { bodies, people, testApp } from '../../support/test-app.js';

const DAY_MS = 86_400_000;
const shipped = new WorkingCalendar(officialCalendars);
/**
 * A visit at 10:00 China time on a Monday two to four weeks back (a visit
 * may be entered up to 30 days late) whose week starts with three working
 * days, and the reply deadline a policy gives it: the calendar's own rules
 * are tested in test/workflows/time; here, that the service hands the
 * decider the policy and calendar in force.
 */
const visit = (() => {
  for (const back of [14, 21]) {
    const day = new Date(Date.now() - back * DAY_MS);
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
    const week = [0, 1, 2].map((i) => new Date(Date.parse(monday) + i * DAY_MS).toISOString().slice(0, 10));
    if (week.every((d) => shipped.isWorkingDay(d))) return `${monday}T10:00:00+08:00`;
  }
  throw new Error('no ordinary week in the last month');
})();
const dueBy = (policy: DeadlinePolicyInput, calendar = shipped) =>
  caseDeadlines(policy, calendar, 'normal', new Date(visit).toISOString()).replyDueBy;

const countyPolicy: DeadlinePolicyInput = {
  ...defaultDeadlinePolicy,
  reply: { ...defaultDeadlinePolicy.reply, normal: { amount: 5, unit: 'working-days' } },
  workdayEndsAt: '17:30',
};

t.test('deadline policy › inherited from Huiyin’s default until an area sets its own, then down the area tree', async (t) => {
  const { call } = await testApp(t);
  const before = await call(people.staff, 'GET', '/api/areas/520221104/deadline-policy');
  t.equal(before.statusCode, 200);
  const { escalateTo: _accounts, ...visibleToStaff } = defaultDeadlinePolicy;
  t.same(before.json(), { areaCode: '520221104', policy: visibleToStaff, definedBy: null, revision: -1, definedByRevision: -1 });

  const put = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', countyPolicy);
  t.equal(put.statusCode, 200);
  t.match(put.json(), { areaCode: '520221', definedBy: '520221', revision: 0, policy: { workdayEndsAt: '17:30' } });
  const below = await call(people.staff, 'GET', '/api/areas/520221104/deadline-policy');
  t.match(below.json(), { areaCode: '520221104', definedBy: '520221', revision: -1, definedByRevision: 0, policy: { reply: { normal: { amount: 5 } } } }, 'the township inherits the county’s, and has none of its own');
  t.notOk(below.headers.etag, 'no revision of its own to pin');
  t.equal(put.headers.etag, '"0"');

  const again = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', countyPolicy);
  t.equal(again.json().revision, 0, 'the same policy again writes nothing');
  const changed = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', { ...countyPolicy, remindAt: 0.5 });
  t.equal(changed.json().revision, 1);
  const history = await call(people.auditor, 'GET', '/api/areas/520221/deadline-policy/history');
  t.same(history.json().events.map((e: { type: string }) => e.type), ['DeadlinePolicyRegistered', 'DeadlinePolicyUpdated']);
  t.same(history.json().events[1].data, { areaCode: '520221', remindAt: 0.5 }, 'the history keeps what each change did');
});

t.test('deadline policy › a case takes the deadline of the policy in force when it is received, and keeps it', async (t) => {
  const { call } = await testApp(t);
  const receive = () => call(people.staff, 'POST', '/api/cases', { ...sampleReceiveBody, urgency: 'normal', receivedAt: visit });
  const first = await receive();
  t.equal(first.statusCode, 201);
  t.equal(first.json().replyDueBy, dueBy(defaultDeadlinePolicy), 'the default: 7 working days, at 18:00');
  t.match(first.json().replyDueBy, /T10:00:00\.000Z$/, '18:00 China time');
  await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', countyPolicy);
  const second = await receive();
  t.equal(second.json().replyDueBy, dueBy(countyPolicy), 'the county’s: 5 working days');
  t.match(second.json().replyDueBy, /T09:30:00\.000Z$/, 'at 17:30 China time');
  t.ok(second.json().replyDueBy < first.json().replyDueBy);
  const firstAgain = await call(people.staff, 'GET', `/api/cases/${first.json().id}`);
  t.equal(firstAgain.json().replyDueBy, first.json().replyDueBy, 'a deadline already set is not moved by a later policy');
  // What the scheduler will do follows each case's own plan, and the plan says which policy set it.
  const overdueAt = (view: { timers: Array<{ deadline: string; action: string; at: string }> }) =>
    view.timers.find((x) => x.deadline === 'reply' && x.action === 'overdue')?.at;
  t.equal(overdueAt(firstAgain.json()), first.json().replyDueBy);
  t.equal(overdueAt(second.json()), second.json().replyDueBy);
  const planOf = async (id: string) => (await call(people.admin, 'GET', `/api/cases/${id}/history`)).json().events[0].data.plan;
  t.same((await planOf(first.json().id)).policy, { definedBy: null, revision: -1 }, 'the first: Huiyin’s default');
  t.same((await planOf(second.json().id)).policy, { definedBy: '520221', revision: 0 }, 'the second: the county’s, at its first revision');
});

t.test('deadline policy › only an administrator sets it, whole and valid, for an area that exists', async (t) => {
  const { app, call } = await testApp(t);
  t.equal((await app.inject('/api/areas/520221/deadline-policy')).statusCode, 401);
  t.equal((await call(people.supervisor, 'PUT', '/api/areas/520221/deadline-policy', countyPolicy)).statusCode, 403);
  const bad = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', {
    ...countyPolicy,
    reply: { ...countyPolicy.reply, urgent: { amount: 1.5, unit: 'working-days' } },
    remindAt: 2,
    feedback: undefined,
  });
  t.equal(bad.statusCode, 400);
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.same(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['feedback', 'remindAt', 'reply.urgent.amount']);
  const missing = await call(people.admin, 'PUT', '/api/areas/520299/deadline-policy', countyPolicy);
  t.equal(missing.statusCode, 404);
  t.equal((await call(people.auditor, 'GET', '/api/areas/520221/deadline-policy/history')).statusCode, 404, 'no policy set: no history');
});

t.test('working calendar › shipped for 2026, entered by an administrator for later years, with history', async (t) => {
  const { call } = await testApp(t);
  const shipped = await call(people.staff, 'GET', '/api/calendar/2026');
  t.equal(shipped.statusCode, 200);
  t.match(shipped.json(), { origin: 'shipped', revision: -1, calendar: { year: 2026, workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] } });
  t.match((await call(people.staff, 'GET', '/api/calendar/2027')).json(), { origin: 'weekends-only', calendar: { holidays: [], workdays: [] } });

  const year2027 = { holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'], workdays: ['2027-01-30'], source: 'an administrator, until the notice is out' };
  const put = await call(people.admin, 'PUT', '/api/calendar/2027', year2027);
  t.equal(put.statusCode, 200);
  t.match(put.json(), { origin: 'directory', revision: 0, calendar: { year: 2027, ...year2027 } });
  const fixed = await call(people.admin, 'PUT', '/api/calendar/2027', { ...year2027, holidays: [...year2027.holidays, '2027-02-09'] });
  t.equal(fixed.json().revision, 1, fixed.body);
  const history = await call(people.supervisor, 'GET', '/api/calendar/2027/history');
  t.same(history.json().events[1].data, { year: 2027, holidays: [...year2027.holidays, '2027-02-09'] });

  const bad = await call(people.admin, 'PUT', '/api/calendar/2028', { holidays: ['2027-12-31'], workdays: ['2028-03-01'] });
  t.equal(bad.statusCode, 400);
  t.same(bad.json().errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`), [
    'holidays.0: must fall in 2028',
    'workdays.0: is a weekday: only a Saturday or Sunday can be made a working day',
  ]);
  t.equal((await call(people.staff, 'PUT', '/api/calendar/2028', year2027)).statusCode, 403);
  t.equal((await call(people.staff, 'GET', '/api/calendar/1999')).statusCode, 400);
});

t.test('working calendar › an administrator’s year counts in the deadlines set after it', async (t) => {
  const { call } = await testApp(t);
  // A made-up holiday on the Tuesday after the visit pushes a one-day deadline to the Wednesday.
  const tuesday = new Date(Date.parse(visit) + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const yearOf = tuesday.slice(0, 4);
  const oneDay: DeadlinePolicyInput = { ...countyPolicy, reply: { ...countyPolicy.reply, normal: { amount: 1, unit: 'working-days' } } };
  await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', oneDay);
  const receive = () => call(people.staff, 'POST', '/api/cases', { ...sampleReceiveBody, urgency: 'normal', receivedAt: visit });
  const before = await receive();
  t.equal(before.json().replyDueBy, new Date(`${tuesday}T17:30:00+08:00`).toISOString(), 'before the holiday is entered: Tuesday, 17:30');
  const year = (await call(people.staff, 'GET', `/api/calendar/${yearOf}`)).json().calendar;
  const put = await call(people.admin, 'PUT', `/api/calendar/${yearOf}`, { holidays: [...year.holidays.filter((d: string) => d !== tuesday), tuesday], workdays: year.workdays, source: 'test' });
  t.equal(put.statusCode, 200);
  const res = await receive();
  const monday = new Date(Date.parse(visit) + 8 * 3_600_000);
  const wednesday = new Date(monday.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  t.equal(res.json().replyDueBy, new Date(`${wednesday}T17:30:00+08:00`).toISOString(), 'the Tuesday is off: Wednesday, 17:30');
});

t.test('deadline policy › a reopened case gets a new reply deadline by the policy in force then', async (t) => {
  const { call, openCase } = await testApp(t);
  const { id } = await openCase([['assign', bodies.assign], ['acknowledge'], ['resolve', bodies.resolve]]);
  await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', { ...countyPolicy, reply: { ...countyPolicy.reply, urgent: { amount: 3, unit: 'hours' } } });
  const before = Date.now();
  const reopened = await call(people.admin, 'POST', `/api/cases/${id}/reopen`, { reason: 'Flooded again' });
  t.equal(reopened.statusCode, 200);
  const due = Date.parse(reopened.json().replyDueBy);
  t.ok(due >= before + 3 * 3_600_000 - 1000 && due <= Date.now() + 3 * 3_600_000, 'three hours from the reopening, as the county now asks');
});

t.test('deadline policy › escalation goes to accounts that exist; only those who audit see who', async (t) => {
  const { call } = await testApp(t);
  await call(people.supervisor, 'GET', '/api/areas/520221/deadline-policy'); // the supervisor's account exists from here on
  const unknown = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', { ...countyPolicy, escalateTo: ['sup-shuicheng', 'sup-nobody'] });
  t.equal(unknown.statusCode, 400);
  t.same(unknown.json().errors.map((e: { path: string }) => e.path), ['escalateTo.1']);
  t.equal((await call(people.admin, 'GET', '/api/areas/520221/deadline-policy')).json().definedBy, null, 'nothing was written');
  const set = await call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', { ...countyPolicy, escalateTo: ['sup-shuicheng'] });
  t.equal(set.statusCode, 200);
  t.same((await call(people.supervisor, 'GET', '/api/areas/520221104/deadline-policy')).json().policy.escalateTo, ['sup-shuicheng']);
  const staff = (await call(people.staff, 'GET', '/api/areas/520221104/deadline-policy')).json();
  t.notOk('escalateTo' in staff.policy, 'station staff see the deadlines, not the accounts');
});

t.test('deadline policy › If-Match: a stale revision is 412 and writes nothing, even when the body changes nothing', async (t) => {
  const { call } = await testApp(t);
  const put = (body: object, ifMatch?: string) => call(people.admin, 'PUT', '/api/areas/520221/deadline-policy', body, ifMatch ? { 'if-match': ifMatch } : {});
  t.equal((await put(countyPolicy, '"0"')).statusCode, 412, 'no policy yet: revision 0 is stale');
  const first = await put(countyPolicy);
  t.equal(first.statusCode, 200);
  t.equal(first.headers.etag, '"0"');
  t.equal((await put(countyPolicy, '"3"')).statusCode, 412, 'nothing to change, still a stale copy');
  t.equal((await put({ ...countyPolicy, remindAt: 0.6 }, '"0"')).json().revision, 1);
});

t.test('working calendar › a refused year changes nothing', async (t) => {
  const { call } = await testApp(t);
  const bad = await call(people.admin, 'PUT', '/api/calendar/2027', { holidays: ['2027-01-01', 'soon'], workdays: ['2027-01-01'] });
  t.equal(bad.statusCode, 400);
  t.same(bad.json().errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`).sort(), [
    'holidays.1: Invalid ISO date',
    'workdays.0: is a weekday: only a Saturday or Sunday can be made a working day',
    'workdays.0: is also listed as a holiday',
  ]);
  t.match((await call(people.admin, 'GET', '/api/calendar/2027')).json(), { origin: 'weekends-only', revision: -1 });
  const header = await call(people.admin, 'PUT', '/api/calendar/2027', { holidays: [], workdays: [] }, { 'idempotency-key': 'bad\u0001key' });
  t.equal(header.statusCode, 400, 'headers are checked as on every route');
});
