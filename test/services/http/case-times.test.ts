import t from 'tap';
import { bodies, culvert, people, testApp } from '../../support/test-app.js';

/** Every string in a response that looks like a date-time, with where it sits. */
function timesIn(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? [[path, value]] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => timesIn(inner, `${path}.${key}`));
}

/** A time `days` from now, written the way a station in Guizhou would (UTC+8), and the same instant in UTC. */
const beijing = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCMilliseconds(0);
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return { offset: `${local}+08:00`, utc: at.toISOString() };
};

t.test('times › every time in a response is UTC with Z, whatever offset the client sent', async (t) => {
  const { call } = await testApp(t);
  const visit = beijing(-2);
  const created = await call(people.staff, 'POST', '/api/cases', { ...culvert, receivedAt: visit.offset });
  t.equal(created.json().receivedAt, visit.utc, 'the visit, the same instant in UTC');
  const id = created.json().id;
  const check = beijing(1);
  const checked = beijing(-0.5);
  const due = beijing(3);
  const steps: Array<[string, unknown]> = [
    ['assign', bodies.assign],
    ['acknowledge', {}],
    ['schedule-site-check', { at: check.offset }],
    ['complete-site-check', { ...bodies.completeSiteCheck, checkedAt: checked.offset }],
    ['escalate', { ...bodies.escalate(), dueBy: due.offset }],
  ];
  const responses = [created.json()];
  for (const [action, data] of steps) {
    const res = await call(people.admin, 'POST', `/api/cases/${id}/${action}`, data);
    t.equal(res.statusCode, 200, action);
    responses.push(res.json());
  }
  const view = (await call(people.admin, 'GET', `/api/cases/${id}`)).json();
  t.equal(view.siteCheck.scheduledAt, check.utc, 'schedule-site-check with +08:00 answers in UTC');
  t.equal(view.siteCheck.completed.checkedAt, checked.utc);
  t.equal(view.escalations[0].dueBy, due.utc);
  const history = (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json();
  const all = [...responses, view, history].flatMap((body) => timesIn(body));
  t.ok(all.length > 40, `checked ${all.length} times`);
  t.same(all.filter(([, time]) => !time.endsWith('Z')), [], 'none with an offset');
  t.ok(all.every(([, time]) => new Date(time).toISOString() === time), 'all in the one ISO form, with milliseconds');
});
