import t from 'tap';
import { caseCommandTypes, type CaseCommandType } from '../../../contracts/case/commands.js';
import { caseEventTypes } from '../../../contracts/case/events.js';
import { IllegalTransitionError } from '../../../contracts/errors.js';
import { caseWorkflowV1, caseWorkflowV2 } from '../../../workflows/case/index.js';
import { allowedCommands } from '../../../workflows/engine/fold.js';
import { historyFor, sampleCommandData, withMerges } from '../../support/case-fixtures.js';
import { workflowSpec } from '../../support/workflow-spec.js';
import { citizenCommands, eventOf, internalCommands, mergeCommands, tables, type Status, type TableSpec } from './fixtures/transition-tables.js';

const publicCommands = caseCommandTypes.filter((c) => !internalCommands.includes(c));
const offered = (row: TableSpec[Status]) => Object.keys(row).filter((c) => !internalCommands.includes(c as CaseCommandType)).sort();

t.test('case transition tables › name every command and every event once', async (t) => {
  t.same(Object.keys(eventOf).sort(), [...caseCommandTypes].sort());
  t.same([...new Set(Object.values(eventOf))].sort(), [...caseEventTypes].sort(), 'each event has a command');
  const twice = Object.values(eventOf).filter((event, i, all) => all.indexOf(event) !== i);
  t.same(twice, ['CaseEscalated'], 'only escalation is recorded by two: a person’s 督办 and Huiyin’s own');
});

for (const definition of [caseWorkflowV1, caseWorkflowV2]) {
  const version = definition.version as 1 | 2;
  const table = tables[version];
  const spec = workflowSpec(definition);

  for (const [status, row] of Object.entries(table) as Array<[Status, TableSpec[Status]]>) {
    t.test(`case workflow v${version} › when ${status}`, async (t) => {
      const given = spec(historyFor[status]);
      t.equal(given.before.status, status, `the given history leaves the case ${status}`);
      t.equal(given.before.definition.version, version);
      t.same(allowedCommands(definition, given.before.snapshot).sort(), offered(row), 'lists exactly the actions a person may take');

      // The machine's own answer for every event, whatever any decider rule would say first.
      const taken = caseEventTypes.filter((type) => given.before.snapshot.can({ type, data: {}, occurredAt: '', actor: { id: '', role: 'system' } }));
      t.same(taken.sort(), [...new Set(Object.keys(row).map((c) => eventOf[c as CaseCommandType]))].sort(), 'the machine takes exactly these events');

      for (const command of publicCommands) {
        const next = row[command];
        const { decision, error } = given.when({ type: command, data: sampleCommandData[command] });
        if (next) {
          t.test(`${command} records ${eventOf[command]} and moves the case to ${next}`, async (t) => {
            t.equal(error, undefined);
            t.same(decision?.events.map((e) => e.type), [eventOf[command]]);
            t.equal(decision?.after.status, next);
          });
        } else {
          t.test(`rejects ${command}, naming the allowed actions`, async (t) => {
            t.type(error, IllegalTransitionError);
            const illegal = error as IllegalTransitionError;
            t.equal(illegal.code, 'WORKFLOW.ILLEGAL_TRANSITION', 'the engine’s code is neutral; the case service refines it');
            t.equal(illegal.commandType, command);
            t.equal(illegal.status, status);
            t.same([...illegal.allowedActions].sort(), offered(row));
          });
        }
      }
    });

    t.test(`case workflow v${version} › when ${status} › internal commands`, async (t) => {
      // A case merged earlier and one being merged now, so `detach` and `confirm-merge` have something to act on.
      const given = spec(withMerges(historyFor[status]));
      t.equal(given.before.status, status);
      for (const command of mergeCommands) {
        const next = row[command];
        const { decision, error } = given.when({ type: command, data: sampleCommandData[command] });
        if (next) {
          t.equal(error, undefined, `${command} is taken`);
          t.same(decision?.events.map((e) => e.type), [eventOf[command]], `${command} records ${eventOf[command]}`);
          t.equal(decision?.after.status, next, `${command} leaves the case ${next}`);
        } else {
          // `new` included: the status is asked before any rule on the data.
          t.type(error, IllegalTransitionError, `${command} is refused`);
          t.same([...(error as IllegalTransitionError).allowedActions].sort(), offered(row), 'and never offered');
        }
      }
    });

    t.test(`case workflow v${version} › when ${status} › the citizen's commands`, async (t) => {
      const given = spec(historyFor[status], { actor: { id: 'online-station', role: 'citizen' }, givenBy: { id: 'staff-1', role: 'staff' } });
      for (const command of citizenCommands) {
        const next = row[command];
        const { decision, error } = given.when({ type: command, data: sampleCommandData[command] });
        if (next) {
          t.equal(error, undefined, `${command} is taken`);
          t.same(decision?.events.map((e) => e.type), [eventOf[command]], `${command} records ${eventOf[command]}`);
          t.equal(decision?.after.status, next, `${command} leaves the case ${next}`);
        } else {
          t.type(error, IllegalTransitionError, `${command} is refused`);
        }
      }
    });
  }
}
