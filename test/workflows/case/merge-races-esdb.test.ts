import t from 'tap';
import { openTestStore } from '../../support/store-factory.js';
import { raceAll } from './fixtures/merge-races.js';

// The merge races of merge-races.test.ts over the EventStoreDB adapter: the
// real client over gRPC to the wire-level test server. Fewer rounds (each
// start once, every pair in both orders, one under each version): the
// network, not a head start, decides who goes first here.

t.test('case merges › the same races over the EventStoreDB adapter leave a sound log', async (t) => {
  const store = await openTestStore({ HUIYIN_TEST_STORE: 'esdb-wire' });
  t.teardown(() => store.close());
  const { races, breaches, confirmedMerges, takenBack } = await raceAll(store, 5);
  t.same(breaches, [], `${races} races, no breach in the log`);
  t.ok(confirmedMerges > 0 && takenBack > 0, `merges completed (${confirmedMerges}) and merges taken back (${takenBack})`);
});
