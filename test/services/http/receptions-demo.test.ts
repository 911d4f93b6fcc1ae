import t from 'tap';
import { demoAreas, demoDeputies, demoStations } from '../../../services/demo/directory-data.js';
import { demoSchedules, firstMondays, seedRota } from '../../../services/demo/rota-data.js';
import { testApp } from '../../support/test-app.js';

t.test('demo rota › the first Monday of each month, worked out on a paper calendar', async (t) => {
  // 13 June 2026 is a Saturday: June's first Monday (the 1st) is past; then 6 July, 3 August, 7 September.
  t.same(firstMondays('2026-06-13T01:00:00.000Z', 3), ['2026-07-06', '2026-08-03', '2026-09-07']);
  // Monday 1 June itself, still today in China at 23:00 UTC on 31 May.
  t.same(firstMondays('2026-05-31T23:00:00.000Z', 2), ['2026-06-01', '2026-07-06']);
});

t.test('demo rota › seeded over the demo directory, every station publishes what its text says', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const admin = { id: 'admin-demo', role: 'admin' as const };
  const entries = [['area', demoAreas], ['station', demoStations], ['deputy', demoDeputies]] as const;
  for (const [kind, records] of entries) {
    for (const record of records) await app.directory.register(kind, record, admin, { now: new Date().toISOString() });
  }
  const now = new Date().toISOString();
  const seeded = await seedRota(app.receptions, now);
  t.same(seeded, { schedules: 5, dateChanges: 4 });
  t.same(Object.keys(demoSchedules).sort(), demoStations.map((s) => s.id).sort(), 'every demo station has a rota');

  const panlong = await app.inject('/api/stations/st-panlong/receptions');
  const mondays = panlong.json().items as Array<{ date: string; start: string; deputyIds: string[]; note?: string }>;
  t.ok(mondays.length >= 2, 'two weeks of Mondays');
  t.ok(mondays.every((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() === 1 && r.start === `${r.date}T01:00:00.000Z`), 'Mondays at 9:00 China');
  t.same(mondays[0]?.deputyIds, ['dep-zhou-lan', 'dep-luo-jian']);
  t.same(mondays[1]?.deputyIds, ['dep-zhou-lan', 'dep-yang-meiyun'], 'the swap of duty a week later');

  const guzhen = await app.receptions.nextReception(['st-guzhen'], now);
  t.equal(guzhen?.date, firstMondays(now, 1)[0]);
  t.equal(await app.receptions.nextReception(['st-fana-home'], now), undefined, 'a deputy’s home has no fixed days');

  const finder = await app.inject('/api/public/deputies?place=fnc');
  const [fana] = finder.json().places as Array<{ code: string; stations: Array<{ id: string; nextReception: unknown }> }>;
  t.equal(fana?.code, '520221104202');
  t.same(fana?.stations.map((s) => s.id), ['st-fana-home', 'st-panlong']);
  t.ok(fana?.stations[1]?.nextReception, 'Panlong’s next Monday');
});
