import t from 'tap';
import { matchRank, normalisedQuery } from '../../../projections/directory/places.js';

const rank = (name: string, typed: string) => matchRank(name, normalisedQuery(typed));

t.test('finder names › the whole name, its start, within it, then pinyin', async (t) => {
  t.equal(rank('法那村', '法那村'), 0);
  t.equal(rank('法那村', '法那'), 1);
  t.equal(rank('法那村', '那村'), 2);
  t.equal(rank('法那村', 'fnc'), 3, 'initials');
  t.equal(rank('法那村', 'FaNaCun'), 3, 'full pinyin, any case');
  t.equal(rank('蟠龙镇人大代表联络站', 'pl'), 3, 'initials within a longer name');
  t.equal(rank('Panlong Town', 'panlong'), 1, 'a Latin name by its letters');
});

t.test('finder names › what does not match', async (t) => {
  t.equal(rank('法那村', 'fnz'), undefined);
  t.equal(rank('法那村', '法村'), undefined, 'characters must be together');
  t.equal(rank('Panlong Town', 'pt'), undefined, 'no pinyin for a name without Chinese');
  t.equal(rank('法那村', 'fn1'), undefined, 'digits are not pinyin');
});
