import t from 'tap';
import type { HistoryEvent } from '../../contracts/history.js';
import { workflowAsData } from '../../services/http/workflow-chart.js';
import { caseAsOf, statusAfterEach } from '../../services/web/src/areas/auditor/lib/as-of.js';
import { geometry } from '../../services/web/src/areas/auditor/lib/chart-geometry.js';
import { readFindQuery } from '../../services/web/src/areas/auditor/lib/find-query.js';
import { layOut } from '../../services/web/src/areas/auditor/lib/layout.js';
import { rolesWithAll, whoMay } from '../../services/web/src/areas/auditor/lib/who-may.js';

const chart = workflowAsData(2);
const event = (revision: number, type: string, occurredAt: string): HistoryEvent => ({ revision, type, data: {}, metadata: { occurredAt }, position: revision, recordedAt: '2026-12-02T00:00:00.000Z' });

t.test('the status after each event follows the workflow table; bookkeeping events leave it', async (tt) => {
  const events = [
    event(0, 'CaseReceived', '2026-06-13T02:20:00Z'),
    event(1, 'CaseAssigned', '2026-06-13T02:50:00Z'),
    event(2, 'ReminderSent', '2026-06-13T20:20:00Z'),
    event(3, 'CaseAcknowledged', '2026-06-14T03:20:00Z'),
    event(4, 'CaseResolved', '2026-06-15T01:00:00Z'),
  ];
  tt.same(statusAfterEach(chart, events), ['received', 'assigned', 'assigned', 'acknowledged', 'resolved']);
  // 2026-06-14 08:00 Beijing is 00:00 UTC: acknowledged later that morning.
  const then = caseAsOf(chart, events, '2026-06-14T00:00:00Z');
  tt.equal(then.status, 'assigned');
  tt.equal(then.events.length, 3);
  tt.same(caseAsOf(chart, events, '2026-06-01T00:00:00Z'), { events: [], status: 'new' });
});

t.test('the layout: the main road runs down one column, declined beside it, exits and returns apart', async (tt) => {
  const layout = layOut(chart);
  const column = (id: string) => layout.nodes.find((n) => n.id === id)?.column;
  const layer = (id: string) => layout.nodes.find((n) => n.id === id)!.layer;
  for (const id of ['new', 'received', 'accepted', 'assigned', 'acknowledged', 'in-progress', 'resolved', 'answered', 'closed']) tt.equal(column(id), 0, id);
  tt.equal(column('declined'), 1);
  tt.ok(layer('received') < layer('assigned') && layer('assigned') < layer('acknowledged') && layer('resolved') < layer('answered') && layer('answered') < layer('closed'));
  tt.same(layout.exits.map((e) => e.to).sort(), ['merged', 'withdrawn']);
  tt.ok(layout.edges.some((e) => e.kind === 'return' && e.actions.includes('reopen')));
  const drawn = geometry(layout);
  tt.equal(drawn.boxes.length, layout.nodes.length);
  // No two boxes overlap.
  for (const a of drawn.boxes) for (const b of drawn.boxes) if (a !== b) tt.notOk(a.x === b.x && Math.abs(a.y - b.y) < 40, `${a.id} / ${b.id}`);
});

t.test('who may: read from the permission matrix', async (tt) => {
  tt.same(whoMay('acknowledge'), ['deputy', 'supervisor', 'admin']);
  tt.ok(whoMay('accept').includes('staff'));
  tt.ok(whoMay('receive').includes('citizen'));
  tt.same(rolesWithAll(['accept', 'acknowledge', 'close']), ['supervisor', 'admin']);
});

t.test('what the search box reads', async (tt) => {
  tt.same(readFindQuery(' ut49dbyg '), { kind: 'tracking', code: 'UT49-DBYG' });
  tt.same(readFindQuery('01A2360C-DC3D-7789-AE35-034A96401123'), { kind: 'id', id: '01a2360c-dc3d-7789-ae35-034a96401123' });
  tt.same(readFindQuery('涵洞'), { kind: 'words', q: '涵洞' });
});
