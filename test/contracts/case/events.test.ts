import t from 'tap';
import { caseActions, caseCommandData, caseCommandTypes, caseInternalCommandData, receiveBody } from '../../../contracts/case/commands.js';
import { caseEventContracts, caseEventTypes } from '../../../contracts/case/events.js';
import { caseWorkflowV1, caseWorkflowV2 } from '../../../workflows/case/index.js';
import { sampleCommandData, sampleEventData, sampleReceiveBody } from '../../support/case-fixtures.js';

t.test('case events › no event’s data schema is a command’s: what an auditor reads is declared on its own', async (t) => {
  const commandSchemas = new Set<unknown>(Object.values(caseCommandData));
  for (const type of caseEventTypes) t.notOk(commandSchemas.has(caseEventContracts[type].schema), type);
});

t.test('case events › the sample data of every type is what its contract accepts, and nothing more', async (t) => {
  t.same(Object.keys(sampleEventData).sort(), [...caseEventTypes].sort());
  for (const type of caseEventTypes) {
    const { schema } = caseEventContracts[type];
    const parsed = schema.safeParse(sampleEventData[type]);
    t.ok(parsed.success, `${type}: ${parsed.error?.message ?? 'ok'}`);
    t.notOk(schema.safeParse({ ...sampleEventData[type], colour: 'red' }).success, `${type} refuses a field it does not declare`);
  }
});

t.test('case events › stored times are UTC instants only', async (t) => {
  const { CaseReceived, SiteCheckScheduled, CaseEscalated } = caseEventContracts;
  t.notOk(CaseReceived.schema.safeParse({ ...sampleEventData.CaseReceived, receivedAt: '2026-06-12T10:00:00+08:00' }).success);
  t.notOk(SiteCheckScheduled.schema.safeParse({ at: '2026-06-14T08:00:00+08:00' }).success);
  t.ok(CaseEscalated.schema.safeParse({ ...sampleEventData.CaseEscalated, to: null, dueBy: null }).success, 'v1 escalations read with no target or date');
});

t.test('case commands › internal commands are no HTTP actions and are never offered', async (t) => {
  const internal = Object.keys(caseInternalCommandData).sort();
  t.same(internal, ['attach', 'confirm-merge', 'detach', 'escalate-overdue', 'mark-overdue', 'press', 'relay-feedback', 'remind']);
  t.same(caseActions.filter((action) => internal.includes(action)), []);
  for (const definition of [caseWorkflowV1, caseWorkflowV2]) {
    const v = `v${definition.version}`;
    // The full map: the status check before deciding needs every command's event, internal ones included.
    t.same(Object.keys(definition.commandEvents).sort(), [...caseCommandTypes].sort(), `${v} maps every command to its event`);
    t.same([...(definition.unlisted ?? [])].sort(), internal, `${v} lists none of them as an action`);
    t.same(Object.keys(definition.commands).filter((c) => internal.includes(c)).sort(), internal, `${v} still runs them`);
  }
});

t.test('case commands › the sample reception form is a body the API takes, and the sample commands are valid', async (t) => {
  t.ok(receiveBody.safeParse(sampleReceiveBody).success);
  t.notOk(receiveBody.safeParse(sampleCommandData.receive).success, 'the command’s directory facts are no part of the body');
  for (const [type, schema] of Object.entries(caseCommandData)) {
    const parsed = schema.safeParse(sampleCommandData[type as keyof typeof caseCommandData]);
    t.ok(parsed.success, `${type}: ${parsed.error?.message ?? 'ok'}`);
  }
});
