import t from 'tap';
import { checkAction, bodyOf, splitNames } from '../../services/web/src/areas/cases/action-forms.js';
import { describeEvent, type TimelineWords } from '../../services/web/src/areas/cases/timeline.js';
import { nextStep, splitWork } from '../../services/web/src/areas/deputy/work.js';
import { gaps, tally } from '../../services/web/src/areas/deputy/three-ones.js';
import type { CaseListItem } from '../../contracts/case/list.js';
import type { DeputyThreeOnes } from '../../contracts/three-ones.js';

const words: TimelineWords = {
  who: (a) => (a as { name?: string }).name ?? '?',
  deputyName: (id) => ({ 'dep-zhou-lan': '周兰' })[id] ?? id,
  word: (group, value) => `${group}:${value}`,
  list: (items) => items.join('、'),
  time: (iso) => iso.slice(0, 16),
};

t.test('history events read as who did what', async (t) => {
  const actor = { metadata: { actor: { id: 'dep-zhou-lan', role: 'deputy', name: '周兰' } } };
  t.same(describeEvent({ type: 'CaseAcknowledged', data: {}, ...actor }, words), { key: 'acknowledged', params: { who: '周兰' } });
  const check = describeEvent({ type: 'SiteCheckCompleted', data: { findings: '护栏断了', participants: { deputyIds: ['dep-zhou-lan'], staff: ['王芳'] } }, ...actor }, words);
  t.same(check, { key: 'siteCheckCompleted', params: { who: '周兰', people: '周兰、王芳' }, detail: '护栏断了' });
  t.equal(describeEvent({ type: 'FeedbackGiven', data: { method: 'in-person', summary: 's' }, ...actor }, words).params.method, 'method:in-person');
  t.equal(describeEvent({ type: 'Unheard', data: {}, ...actor }, words).key, 'other');
});

t.test('action forms are checked with the API schema, errors by field', async (t) => {
  const empty = checkAction('complete-site-check', { findings: '  ', 'participants.deputyIds': [], 'participants.staff': '' });
  t.notOk(empty.ok);
  if (!empty.ok) {
    t.ok(empty.errors.findings, 'blank findings named');
    t.ok(empty.errors['participants.deputyIds'], 'no participants named');
  }
  const good = checkAction('complete-site-check', { findings: '看过了', 'participants.deputyIds': ['dep-zhou-lan'], 'participants.staff': '王芳、李娜' });
  t.same(good, { ok: true, body: { findings: '看过了', participants: { deputyIds: ['dep-zhou-lan'], staff: ['王芳', '李娜'] } } });
  t.same(bodyOf('schedule-site-check', { at: '2026-12-03T10:00' }), { at: '2026-12-03T02:00:00.000Z' }, 'a Beijing wall clock becomes the instant');
  t.same(bodyOf('record-follow-up', { resolved: 'false', satisfaction: 'satisfied', comment: '' }), { resolved: false, satisfaction: 'satisfied' });
  t.notOk(checkAction('give-feedback', { method: '', summary: 'x' }).ok, 'a feedback needs its channel');
  t.same(splitNames('王芳，李娜、 张伟;'), ['王芳', '李娜', '张伟']);
});

t.test('my work puts my turn first, overdue before on time', async (t) => {
  const item = (id: string, status: CaseListItem['status'], overdue: boolean, due: string) => ({ id, status, overdue, replyDueBy: due }) as CaseListItem;
  const { mine, others } = splitWork([
    item('a', 'in-progress', false, '2026-12-01'),
    item('b', 'answered', false, '2026-12-01'),
    item('c', 'assigned', false, '2026-12-05'),
    item('d', 'assigned', true, '2026-12-06'),
  ]);
  t.same(mine.map((c) => c.id), ['d', 'c', 'a']);
  t.same(others.map((c) => c.id), ['b']);
  t.equal(nextStep('resolved'), 'feedback');
});

t.test('三个一: what is missing, plainly', async (t) => {
  const months = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, status: i < 2 ? 'missed' : i === 11 ? 'open' : 'met', contacts: 0 }));
  const d = { months, quarters: [{ period: '2026-Q1', status: 'missed', activities: 0 }], year: { period: '2026', status: 'open', reportBacks: 0 } } as unknown as DeputyThreeOnes;
  t.same(gaps(d).map((g) => g.key), ['months', 'monthOpen', 'quarters', 'yearOpen']);
  t.same(gaps(d)[0]!.values, { n: 2, list: '1、2' });
  t.same(tally([{ status: 'met' }, { status: 'missed' }, { status: 'not-due' }]), { met: 1, counted: 2 });
});
