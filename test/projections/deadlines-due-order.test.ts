import t from 'tap';
import { openReadModelDb } from '../../projections/db.js';
import { deadlineTables, dueTimers } from '../../projections/deadlines/index.js';
import { deadlinesDdl } from '../../projections/deadlines/schema.js';

t.test('deadlines › firings due at the same moment: by case, then in the order of their deadlines', async (t) => {
  const db = openReadModelDb(':memory:');
  t.teardown(() => db.close());
  db.exec(deadlinesDdl.join(';\n'));
  const put = db.prepare(`INSERT INTO ${deadlineTables.timers} (case_id, deadline, action, due_by, at, set_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const endOfDay = '2026-06-03T09:30:00.000Z';
  // Received late in the evening: the reply (due in two hours) and the
  // feedback (due the next day) are both escalated at the end of the same working day.
  put.run('case-b', 'feedback', 'escalate', '2026-06-02T14:20:00.000Z', endOfDay, '2026-06-01T14:20:00.000Z');
  put.run('case-b', 'reply', 'escalate', '2026-06-01T16:20:00.000Z', endOfDay, '2026-06-01T14:20:00.000Z');
  put.run('case-a', 'reply', 'remind', '2026-06-01T16:00:00.000Z', '2026-06-01T15:00:00.000Z', '2026-06-01T14:00:00.000Z');
  const order = dueTimers(db, endOfDay, 10).map((timer) => `${timer.caseId} ${timer.deadline} ${timer.action}`);
  t.same(order, ['case-a reply remind', 'case-b reply escalate', 'case-b feedback escalate']);
});
