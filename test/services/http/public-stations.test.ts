import t from 'tap';
import { inDays, people, testApp } from '../../support/test-app.js';

const visit = (matters: Array<{ category: string; summary: string; answer?: string }>) => ({
  stationId: 'st-baichehe',
  receivedAt: inDays(-1),
  deputyIds: ['dep-li'],
  visitor: { name: 'Hu Zhongmin', phone: '138 0000 0613' },
  matters,
});

t.test('public station figures › a visit is one reception however many matters it raised; counts only, no person', async (t) => {
  const { app, call } = await testApp(t);
  // One visit with three matters (one answered on the spot), and one case at a reception day outside any visit.
  const registered = await call(people.staff, 'POST', '/api/visits', visit([
    { category: 'roads', summary: 'Culvert blocked' },
    { category: 'industry', summary: 'Tea co-operative loan' },
    { category: 'roads', summary: 'Bus times', answer: 'Explained the timetable' },
  ]));
  t.equal(registered.statusCode, 201, registered.body);
  const walkIn = await call(people.staff, 'POST', '/api/cases', {
    channel: 'reception-day', stationId: 'st-baichehe', category: 'roads', summary: 'Street light out',
    constituent: { name: 'Ma Lin', phone: '139 0000 0001' },
  });
  const position = walkIn.json().position as number;

  const totals = (await call(people.supervisor, 'GET', `/api/totals?minPosition=${position}`)).json();
  t.equal(totals.voterReceptions, 2, 'the visit once, the walk-in once');
  t.same(totals.opinionsCollected, { online: 0, offline: 4, total: 4 }, 'three matters from the visit, one from the walk-in');

  const res = await app.inject({ method: 'GET', url: '/api/public/stations/st-baichehe' });
  t.equal(res.statusCode, 200, res.body);
  const figures = res.json();
  t.equal(figures.name, 'Baichehe Community Room');
  t.equal(figures.receptionsHeld, 2);
  t.equal(figures.mattersReceived, 4);
  t.equal(figures.mattersAnswered, 1, 'the matter answered on the spot');
  t.equal(figures.rates.response.insufficientData, true, 'too few matters to say a rate');
  t.match(figures.rates.satisfaction.formula, { zh: String, en: String }, 'each rate says how it is computed');
  t.notMatch(res.body, /Hu Zhongmin|Ma Lin|138|139|dep-li|staff-baichehe/, 'no name, phone or account in the answer');
  t.equal((await app.inject({ method: 'GET', url: '/api/public/stations/st-nowhere' })).statusCode, 404);
});
