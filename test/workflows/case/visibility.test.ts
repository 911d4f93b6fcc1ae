import fc from 'fast-check';
import t from 'tap';
import type { CaseVisibility } from '../../../contracts/case/visibility.js';
import type { Principal } from '../../../contracts/identity.js';
import { caseRights, caseVisibility } from '../../../workflows/case/index.js';
import type { CaseScope } from '../../../workflows/case/permissions.js';

/** What a list would do with the filter: the reading of `CaseVisibility` a read model must implement. */
function listShows(visibility: CaseVisibility, scope: CaseScope): boolean {
  switch (visibility.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'area':
      return scope.areaCode.startsWith(visibility.areaPrefix);
    case 'stations':
      return visibility.stationIds.includes(scope.stationId) || (visibility.deputyId !== undefined && scope.deputyIds.includes(visibility.deputyId));
  }
}

const stations = ['st-a', 'st-b', 'st-c'];
const people = ['dep-1', 'dep-2', 'staff-1'];
const areas = ['520221', '520221104', '520221104201', '520201'];

const principal: fc.Arbitrary<Principal> = fc.record({
  sub: fc.constantFrom(...people),
  role: fc.constantFrom('staff', 'deputy', 'supervisor', 'auditor', 'admin', 'system'),
  stations: fc.subarray(stations),
  area: fc.option(fc.constantFrom('5202', ...areas), { nil: undefined }),
}).map(({ area, ...rest }) => (area === undefined ? rest : { ...rest, area }));

const scope: fc.Arbitrary<CaseScope> = fc.record({
  stationId: fc.constantFrom(...stations),
  areaCode: fc.constantFrom(...areas),
  deputyIds: fc.subarray(people),
});

t.test('a list shows exactly the cases whose page the caller may open', async (t) => {
  fc.assert(
    fc.property(principal, scope, (who, where) => listShows(caseVisibility(who), where) === caseRights(who, where).see),
    { numRuns: 5_000 },
  );
  t.pass('5,000 callers and cases agree');
});

t.test('each role reads as its own filter', async (t) => {
  t.same(caseVisibility({ sub: 'dep-1', role: 'deputy', stations: ['st-a'] }), { kind: 'stations', stationIds: ['st-a'], deputyId: 'dep-1' });
  t.same(caseVisibility({ sub: 'staff-1', role: 'staff', stations: ['st-b'] }), { kind: 'stations', stationIds: ['st-b'] });
  t.same(caseVisibility({ sub: 'sup', role: 'supervisor', stations: [], area: '520221' }), { kind: 'area', areaPrefix: '520221' });
  t.same(caseVisibility({ sub: 'sup', role: 'supervisor', stations: [] }), { kind: 'none' }, 'a supervisor without an area sees nothing');
  t.same(caseVisibility({ sub: 'aud', role: 'auditor', stations: [] }), { kind: 'all' });
});
