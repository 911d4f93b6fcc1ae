import t from 'tap';
import { culvert, people, testApp } from '../../support/test-app.js';

/**
 * A person who just changed a case sees the change in the next list they
 * open from the same instance, without passing minPosition: the case
 * service notes every append with the read models.
 */
t.test('a list read straight after a case command shows it', async (t) => {
  const app = await testApp(t);
  const created = await app.call(people.staff, 'POST', '/api/cases', culvert);
  t.equal(created.statusCode, 201);
  const { id } = created.json() as { id: string };
  const listed = await app.call(people.staff, 'GET', '/api/cases');
  t.equal(listed.statusCode, 200);
  t.same((listed.json().items as Array<{ id: string }>).map((item) => item.id), [id], 'the new case is listed');

  const accepted = await app.call(people.staff, 'POST', `/api/cases/${id}/accept`, {});
  t.equal(accepted.statusCode, 200);
  const after = await app.call(people.staff, 'GET', '/api/cases?status=accepted');
  t.same((after.json().items as Array<{ id: string; status: string }>).map((item) => [item.id, item.status]), [[id, 'accepted']], 'its new status too');
});

t.test('both sides of a merge are noted: the merged case leaves the open list at once', async (t) => {
  const app = await testApp(t);
  const open = async () => (await app.call(people.staff, 'POST', '/api/cases', culvert)).json() as { id: string };
  const [a, b] = [await open(), await open()];
  const merged = await app.call(people.supervisor, 'POST', `/api/cases/${a.id}/merge`, { intoCaseId: b.id });
  t.equal(merged.statusCode, 200, merged.body);
  const openNow = await app.call(people.staff, 'GET', '/api/cases?group=open');
  t.same((openNow.json().items as Array<{ id: string }>).map((item) => item.id), [b.id], 'only the case that answers for both is open');
});
