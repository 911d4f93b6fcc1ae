import t from 'tap';
import type { AppointmentVisibility } from '../../../contracts/appointments-http.js';
import { citizenPrincipal, type Principal } from '../../../contracts/identity.js';
import { appointmentRights, appointmentVisibility } from '../../../workflows/appointment/index.js';

const scope = { stationId: 'st-baichehe', areaCode: '520221104201', deputyId: 'dep-li' };
const p = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({ sub: `${role}-1`, role, stations: [], ...extra });
const every = ['cancel', 'confirm', 'decline', 'hold', 'no-show', 'reschedule'];

/** Who sees the appointment, and what they may do on it, written out once more. */
const expected: [string, Principal, boolean, string[]][] = [
  ['admin', p('admin'), true, every],
  ['auditor', p('auditor'), true, []],
  ['system', p('system'), false, []],
  ['citizen', citizenPrincipal, false, ['cancel']],
  ['supervisor of the area', p('supervisor', { area: '520221' }), true, every],
  ['supervisor elsewhere', p('supervisor', { area: '520201' }), false, []],
  ['staff of the station', p('staff', { stations: ['st-baichehe'] }), true, every],
  ['staff elsewhere', p('staff', { stations: ['st-hecheng'] }), false, []],
  ['the deputy met', p('deputy', { sub: 'dep-li', stations: ['st-baichehe'] }), true, every],
  ['another deputy of the station', p('deputy', { sub: 'dep-wen', stations: ['st-baichehe'] }), false, []],
];

for (const [who, principal, see, actions] of expected) {
  t.test(`appointment rights › ${who}`, async (t) => {
    const rights = appointmentRights(principal, scope);
    t.equal(rights.see, see, see ? 'sees it' : 'does not see it');
    t.same([...rights.actions].sort(), actions);
  });
}

t.test('appointment rights › lists show what the page shows', async (t) => {
  const shows = (v: AppointmentVisibility) =>
    v.kind === 'all' ||
    (v.kind === 'area' && scope.areaCode.startsWith(v.areaPrefix)) ||
    (v.kind === 'stations' && v.stationIds.includes(scope.stationId)) ||
    (v.kind === 'deputy' && v.deputyId === scope.deputyId);
  for (const [who, principal, see] of expected) t.equal(shows(appointmentVisibility(principal)), see, who);
});
