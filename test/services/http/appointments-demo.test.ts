import t from 'tap';
import { appointmentStatuses } from '../../../contracts/appointments.js';
import { seedDemoAppointments } from '../../../services/demo/appointment-data.js';
import { people, testApp } from '../../support/test-app.js';
import { handWrittenCalendar, reception } from '../../workflows/appointment/fixtures/calendar.js';

const DAY = 86_400_000;

t.test('demo appointments › one appointment in every status, none dated after now', async (t) => {
  const { app, call } = await testApp(t);
  const now = new Date().toISOString();
  // A morning reception every day from four weeks back to four weeks on.
  const firstDay = Math.floor(Date.now() / DAY) * DAY - 28 * DAY;
  const receptions = Array.from({ length: 57 }, (_, i) => reception('st-baichehe', new Date(firstDay + i * DAY + 3_600_000).toISOString(), 180, ['dep-li']));
  app.appointments.slots.calendar = () => handWrittenCalendar(receptions);
  const staff = { sub: people.staff.sub, role: 'staff' as const, stations: people.staff.stations };
  t.same(await seedDemoAppointments(app.appointments, { deputyId: 'dep-li', staff, matterCategory: 'roads', now }), { appointments: 7 });
  const items = (await call(people.admin, 'GET', '/api/appointments?limit=200')).json().items as { id: string; status: string }[];
  t.same(items.map((i) => i.status).sort(), [...appointmentStatuses].sort());
  const events = await app.cases.store.readAll();
  t.notOk(events.some((e) => (e.metadata as { occurredAt?: string }).occurredAt! > now), 'nothing happens after now');
  const held = items.find((i) => i.status === 'held')!;
  const view = (await call(people.admin, 'GET', `/api/appointments/${held.id}`)).json();
  t.equal(view.held.caseIds.length, 1, 'the meeting raised its case');
});
