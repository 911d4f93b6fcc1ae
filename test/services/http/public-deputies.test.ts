import t from 'tap';
import { people, testApp, type TestApp } from '../../support/test-app.js';

/**
 * Beyond the test directory: the county gets a station of its own and
 * Panlong a village with a liaison room, so a village's answer reaches up
 * three levels (village room, township stations, county station).
 */
async function withVillage(call: TestApp['call']): Promise<void> {
  const writes: Array<[string, object]> = [
    ['/api/areas', { code: '520221104202', name: '法那村' }],
    ['/api/stations', { id: 'st-fana', name: '法那村人大代表联络室', kind: 'room', areaCode: '520221104202', address: '法那村委会', receptionSchedule: '每周一' }],
    ['/api/stations', { id: 'st-shuicheng', name: 'Shuicheng District Station', kind: 'station', areaCode: '520221', address: 'District hall', receptionSchedule: 'Mondays' }],
    ['/api/deputies', { id: 'dep-yang', name: '杨美云', level: 'county', stationIds: ['st-fana'] }],
    ['/api/deputies', { id: 'dep-gao', name: 'Gao Ming', level: 'provincial', stationIds: ['st-shuicheng'] }],
  ];
  for (const [url, body] of writes) {
    const res = await call(people.admin, 'POST', url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
}

interface Card {
  id: string;
  deputies: Array<Record<string, unknown>>;
  nextReception: { date: string; deputyIds: string[] } | null;
}
interface Place {
  code: string;
  name: string;
  chain: Array<{ code: string; name: string }>;
  stations: Card[];
}

t.test('GET /api/public/deputies › a village answers with its room, its township’s and its county’s stations', async (t) => {
  const { app, call } = await testApp(t);
  await withVillage(call);
  const res = await app.inject('/api/public/deputies?place=' + encodeURIComponent('法那'));
  t.equal(res.statusCode, 200, res.body);
  const [fana, ...others] = res.json().places as Place[];
  t.same(others, []);
  t.equal(fana?.code, '520221104202');
  t.same(fana?.chain, [{ code: '520221', name: 'Shuicheng District' }, { code: '520221104', name: 'Panlong Town' }]);
  t.same(fana?.stations.map((s) => s.id), ['st-fana', 'st-baichehe', 'st-panlong', 'st-shuicheng'], 'nearest first');
  const deputiesOf = (id: string) => fana?.stations.find((s) => s.id === id)?.deputies;
  t.same(deputiesOf('st-fana'), [{ id: 'dep-yang', name: '杨美云', level: 'county' }], 'names and levels only');
  t.same(deputiesOf('st-panlong')?.map((d) => d.id), ['dep-li', 'dep-luo']);
  t.same(deputiesOf('st-shuicheng')?.map((d) => d.id), ['dep-gao']);
  t.same(Object.keys(fana!.stations[0]!).sort(), ['address', 'areaCode', 'deputies', 'id', 'kind', 'name', 'nextReception']);
});

t.test('GET /api/public/deputies › pinyin initials and full pinyin find the village', async (t) => {
  const { app, call } = await testApp(t);
  await withVillage(call);
  for (const typed of ['fnc', 'FNC', 'fanacun', 'fana', 'fa na cun']) {
    const res = await app.inject(`/api/public/deputies?place=${encodeURIComponent(typed)}`);
    t.same(res.json().places.map((p: Place) => p.code), ['520221104202'], typed);
  }
  const none = await app.inject('/api/public/deputies?place=xyz');
  t.same(none.json(), { places: [], deputies: [] });
});

t.test('GET /api/public/deputies › by area code, by station name, by deputy name', async (t) => {
  const { app, call } = await testApp(t);
  await withVillage(call);
  const byCode = await app.inject('/api/public/deputies?area=520221104');
  t.same(byCode.json().places.map((p: Place) => [p.code, p.stations.map((s) => s.id)]), [['520221104', ['st-baichehe', 'st-panlong', 'st-shuicheng']]]);
  const byStation = await app.inject('/api/public/deputies?place=' + encodeURIComponent('联络室'));
  t.same(byStation.json().places.map((p: Place) => p.code), ['520221104202'], 'a station names the place it is in');
  const byDeputy = await app.inject('/api/public/deputies?place=yang');
  t.same(byDeputy.json().deputies, [
    { id: 'dep-yang', name: '杨美云', level: 'county', stations: [{ id: 'st-fana', name: '法那村人大代表联络室', kind: 'room', areaCode: '520221104202', address: '法那村委会', deputies: [{ id: 'dep-yang', name: '杨美云', level: 'county' }], nextReception: null }] },
  ]);
  const latin = await app.inject('/api/public/deputies?place=luo');
  t.same(latin.json().deputies.map((d: { id: string; stations: Card[] }) => [d.id, d.stations.map((s) => s.id)]), [['dep-luo', ['st-panlong']]]);
});

t.test('GET /api/public/deputies › each station says when it next receives visitors', async (t) => {
  const { app, call } = await testApp(t);
  await withVillage(call);
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '23:00', end: '23:59', deputyIds: ['dep-luo'] }));
  t.equal((await call(people.admin, 'PUT', '/api/stations/st-panlong/reception-schedule', { sessions: everyDay })).statusCode, 200);
  const res = await app.inject('/api/public/deputies?area=520221104202');
  const cards = (res.json().places as Place[])[0]!.stations;
  const panlong = cards.find((s) => s.id === 'st-panlong');
  const expected = await app.receptions.nextReception(['st-panlong'], new Date().toISOString());
  t.ok(expected);
  t.same(panlong?.nextReception, expected);
  t.same(panlong?.nextReception?.deputyIds, ['dep-luo']);
  t.equal(cards.find((s) => s.id === 'st-fana')?.nextReception, null, 'no rota, nothing announced');
});

t.test('GET /api/public/deputies › either place or area, well formed', async (t) => {
  const { app } = await testApp(t);
  for (const [query, path] of [['', 'place'], ['place=fnc&area=520221', 'area'], ['area=52', 'area'], ['place=%20%20', 'place']] as const) {
    const res = await app.inject(`/api/public/deputies?${query}`);
    t.equal(res.statusCode, 400, query);
    t.same(res.json().errors.map((e: { in: string; path: string }) => `${e.in}:${e.path}`), [`query:${path}`], query);
  }
});
