import t from 'tap';
import { bodies, culvert, people, testApp, toAnswered } from '../../support/test-app.js';

type Event = { type: string; data: Record<string, unknown>; position: number };

t.test('merge › the target records the attachment, the source the merge, then the target confirms it', async (t) => {
  const { call, openCase } = await testApp(t);
  const source = await openCase();
  const target = await openCase();
  const res = await call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId: target.id });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { status: 'merged', statusGroup: 'closed', mergedInto: target.id });
  const into = (await call(people.supervisor, 'GET', `/api/cases/${target.id}`)).json();
  t.same(into.mergedCases, [source.id]);
  const historyOf = async (id: string): Promise<Event[]> => (await call(people.auditor, 'GET', `/api/cases/${id}/history`)).json().events;
  const targetLog = await historyOf(target.id);
  const sourceLog = await historyOf(source.id);
  t.match(targetLog.slice(-2), [{ type: 'CaseAttached', data: { caseId: source.id } }, { type: 'CaseMergeConfirmed', data: { caseId: source.id } }]);
  t.match(sourceLog.at(-1), { type: 'CaseMerged', data: { intoCaseId: target.id } });
  const positions = [targetLog.at(-2), sourceLog.at(-1), targetLog.at(-1)].map((e) => e!.position);
  t.same(positions, [...positions].sort((a, b) => a - b), 'in that order in the log');
});

t.test('merge › feedback on the target is relayed to every case merged into it', async (t) => {
  const { call, openCase } = await testApp(t);
  const target = await openCase();
  const merged = [await openCase(), await openCase()];
  for (const source of merged) {
    t.equal((await call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId: target.id })).statusCode, 200);
  }
  for (const [action, data] of toAnswered) {
    t.equal((await call(people.admin, 'POST', `/api/cases/${target.id}/${action}`, data ?? {})).statusCode, 200, action);
  }
  for (const source of merged) {
    const view = (await call(people.staff, 'GET', `/api/cases/${source.id}`)).json();
    t.equal(view.status, 'merged', 'still merged');
    t.match(view.relayedFeedback, [{ fromCaseId: target.id, ...bodies.feedback, by: { id: 'admin-1' }, at: String }], 'its constituent has the answer');
    t.equal(view.relayedFeedback.length, 1);
  }
});

t.test('merge › into a closed or withdrawn case, a missing one or one out of sight: 400 on intoCaseId, nothing written', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const closed = await openCase([...toAnswered, ['close']]);
  const withdrawn = await openCase([['withdraw', { reason: 'Sorted out' }]]);
  const elsewhere = (await call(people.otherStaff, 'POST', '/api/cases', { ...culvert, stationId: 'st-hecheng' })).json();
  const source = await openCase();
  const head = await store.headPosition();
  for (const intoCaseId of [closed.id, withdrawn.id, 'no-such-case', elsewhere.id]) {
    const res = await call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId });
    t.equal(res.statusCode, 400, intoCaseId);
    t.same(res.json().errors, [{ in: 'body', path: 'intoCaseId', message: 'no open case with that id' }]);
  }
  t.equal(await store.headPosition(), head, 'neither case was touched');
  const self = await call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId: source.id });
  t.equal(self.statusCode, 400, 'nor into itself');
});

t.test('merge › a merge the source refuses leaves the target as it was', async (t) => {
  const { call, openCase } = await testApp(t);
  const target = await openCase();
  const answered = await openCase(toAnswered);
  const late = await call(people.supervisor, 'POST', `/api/cases/${answered.id}/merge`, { intoCaseId: target.id });
  t.equal(late.statusCode, 409, 'an answered case cannot be merged');
  const stale = await openCase([['add-note', { text: 'one' }]]);
  const pinned = await call(people.supervisor, 'POST', `/api/cases/${stale.id}/merge`, { intoCaseId: target.id }, { 'if-match': '"0"' });
  t.equal(pinned.statusCode, 412);
  const after = (await call(people.supervisor, 'GET', `/api/cases/${target.id}`)).json();
  t.same(after.mergedCases, [], 'nothing is left attached');
  t.equal(after.revision, target.revision, 'and the target’s log did not move');
});

t.test('merge › two merges of one case at once: one wins, and the other target takes its attachment back', async (t) => {
  const { call, openCase } = await testApp(t);
  const source = await openCase();
  const targets = [await openCase(), await openCase()];
  const answers = await Promise.all(
    targets.map((target) => call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId: target.id })),
  );
  t.same(answers.map((r) => r.statusCode).sort(), [200, 409]);
  const mergedInto = (await call(people.supervisor, 'GET', `/api/cases/${source.id}`)).json().mergedInto;
  for (const target of targets) {
    const view = (await call(people.supervisor, 'GET', `/api/cases/${target.id}`)).json();
    t.same(view.mergedCases, target.id === mergedInto ? [source.id] : [], `${target.id === mergedInto ? 'the winner' : 'the other'} holds what it should`);
    const types = (await call(people.auditor, 'GET', `/api/cases/${target.id}/history`)).json().events.map((e: { type: string }) => e.type);
    if (target.id !== mergedInto && types.includes('CaseAttached')) t.equal(types.at(-1), 'CaseDetached', 'compensated');
  }
});

t.test('merge › a case answering for merged cases can be neither merged nor withdrawn itself', async (t) => {
  const { call, openCase, store } = await testApp(t);
  const target = await openCase();
  const other = await openCase();
  const source = await openCase();
  await call(people.supervisor, 'POST', `/api/cases/${source.id}/merge`, { intoCaseId: target.id });
  const head = await store.headPosition();
  const onward = await call(people.supervisor, 'POST', `/api/cases/${target.id}/merge`, { intoCaseId: other.id });
  t.equal(onward.statusCode, 409);
  t.equal(onward.json().code, 'CASE.HAS_MERGED_CASES');
  const withdrawn = await call(people.supervisor, 'POST', `/api/cases/${target.id}/withdraw`, { reason: 'Sorted out' });
  t.equal(withdrawn.statusCode, 409, 'its merged cases still wait for the answer');
  t.equal(withdrawn.json().code, 'CASE.HAS_MERGED_CASES');
  t.equal(await store.headPosition(), head, 'neither wrote anything, on either case');
});
