import t from 'tap';
import { caseListQuery } from '../../contracts/case/list.js';
import { apiQueryOf, emptyFilters, fieldOfApiPath, filtersFromQuery, queryOfFilters } from '../../services/web/src/areas/supervisor/case-list-query.js';
import { categoryRows, lastWeeks, periodOf, readRate, spokenSeries } from '../../services/web/src/areas/supervisor/dashboard-figures.js';

const formula = { version: 1, en: '', zh: '' };

t.test('a rate reads as a percentage and the fraction behind it', async (tt) => {
  tt.same(readRate({ value: 0.2857, numerator: 2, denominator: 7, formula }), { percent: '28.6%', numerator: 2, denominator: 7 }, '2 of 7');
  tt.same(readRate({ value: 1, numerator: 5, denominator: 5, formula }).percent, '100.0%', 'all of them');
  tt.same(readRate({ value: null, numerator: 1, denominator: 2, formula, insufficientData: true }), { percent: null, numerator: 1, denominator: 2 }, 'under the minimum sample: no percentage, the counts still shown');
});

t.test('periods and weeks are China days, both ends included, oldest week first', async (tt) => {
  tt.same(periodOf('2026-12-02', 30), { from: '2026-11-03', to: '2026-12-02' }, 'thirty days up to today');
  tt.same(periodOf('2026-03-01', 7), { from: '2026-02-23', to: '2026-03-01' }, 'across a month end');
  const weeks = lastWeeks('2026-12-02', 3);
  tt.same(weeks, [
    { from: '2026-11-12', to: '2026-11-18' },
    { from: '2026-11-19', to: '2026-11-25' },
    { from: '2026-11-26', to: '2026-12-02' },
  ], 'three weeks ending today');
});

t.test('categories: named, empty ones left out, busiest first', async (tt) => {
  const rows = categoryRows({ land: 2, roads: 3, water: 0, telecom: 1 }, (code) => ({ land: '土地', roads: '道路' })[code] ?? code);
  tt.same(rows.map((r) => [r.name, r.count]), [['道路', 3], ['土地', 2], ['telecom', 1]], 'an unknown code shown as is');
  tt.equal(spokenSeries([{ name: '道路', value: 3 }, { name: '土地', value: 1 }]), '道路 3、土地 1');
});

t.test('the case list filters round-trip through the address', async (tt) => {
  const filters = { ...emptyFilters(), q: '路灯', status: ['received', 'assigned'], station: ['st-baichehe'], overdue: 'true' as const, from: '2026-11-01', sort: 'due' as const, order: 'asc' as const };
  const address = queryOfFilters(filters);
  tt.same(address, { status: 'received,assigned', station: 'st-baichehe', q: '路灯', from: '2026-11-01', overdue: 'true', sort: 'due', order: 'asc' }, 'short: only what is set');
  tt.same(filtersFromQuery(address as Record<string, string>), filters, 'read back the same');
  tt.same(queryOfFilters(emptyFilters()), {}, 'no filters, no query');
  tt.same(filtersFromQuery({ status: ['received', 'closed'], overdue: 'maybe', sort: 'nonsense', order: 'sideways' }), { ...emptyFilters(), status: ['received', 'closed'] }, 'repeated keys read, nonsense dropped');
});

t.test('the API query is what caseListQuery accepts, days sent as Beijing instants', async (tt) => {
  const params = apiQueryOf({ ...emptyFilters(), q: ' 路灯 ', status: ['received'], from: '2026-11-01', to: '2026-11-30', pressed: 'false' });
  tt.same(params, {
    sort: 'received', order: 'desc', status: ['received'], q: '路灯', pressed: 'false',
    receivedFrom: '2026-10-31T16:00:00.000Z', receivedTo: '2026-11-30T16:00:00.000Z',
  }, 'the last day is included: before the start of the next one');
  tt.ok(caseListQuery.safeParse(params).success, 'the API schema accepts it');
  const bad = caseListQuery.safeParse(apiQueryOf({ ...emptyFilters(), q: '！！', trackingCode: 'abc' }));
  tt.notOk(bad.success, 'punctuation alone and a malformed code are refused before sending');
  tt.equal(fieldOfApiPath('receivedTo'), 'to', 'an error on receivedTo is shown beside the "to" field');
  tt.equal(fieldOfApiPath('status.0'), 'status');
});
