import t from 'tap';
import { openStore } from '../../support/engine-fixtures.js';
import { raceAll } from './fixtures/merge-races.js';

// Issue 10: merging A into B and B into A at once left both merged; merging
// into a case being withdrawn succeeded. Every pair of merge, withdraw, close
// and reopen on two cases, raced on two instances over one SQLite store:
// what counts is the log, read back and folded (fixtures/merge-log.ts).

t.test('case merges › racing every pair of merge, withdraw, close and reopen on two cases leaves a sound log (SQLite)', async (t) => {
  const { store } = await openStore(t);
  const { races, breaches, outcomes, confirmedMerges, takenBack } = await raceAll(store, 40);
  t.same(breaches, [], `${races} races, no breach in the log`);

  // The races reached both sides of every rule, so a sound log says something.
  const seen = (key: string) => outcomes.get(key) ?? 0;
  t.ok(confirmedMerges > 0 && takenBack > 0, `merges completed (${confirmedMerges}) and merges taken back (${takenBack})`);
  for (const key of ['merge A→B: ok', 'merge A→B: CASE.MERGE_IN_PROGRESS', 'merge A→B: COMMAND.INVALID', 'merge B→A: ok',
    'withdraw B: ok', 'withdraw B: CASE.MERGE_IN_PROGRESS', 'withdraw B: CASE.HAS_MERGED_CASES', 'close B: ok',
    'close B: CASE.MERGE_IN_PROGRESS', 'reopen B: ok']) {
    t.ok(seen(key) > 0, `${key} (${seen(key)}×)`);
  }
  t.comment(JSON.stringify([...outcomes].sort()));
});
