import { randomUUID } from 'node:crypto';
import type { Actor } from '../../contracts/metadata.js';
import type { WorkflowEngine } from '../../workflows/engine/engine.js';

/**
 * The loop as a Guizhou liaison room lived it: a villager reports a blocked
 * culvert flooding the road; two township deputies inspect it the next
 * morning; one goes back to tell her what was done; a follow-up call closes it.
 */
const registrar: Actor = { id: 'staff-baichehe', role: 'staff' };
const supervisor: Actor = { id: 'sup-panlong', role: 'supervisor' };
const deputyLi: Actor = { id: 'dep-li', role: 'deputy' };
const deputyWen: Actor = { id: 'dep-wen', role: 'deputy' };

const steps: Array<{ actor: Actor; at: string; type: string; data: Record<string, unknown> }> = [
  {
    actor: registrar,
    at: '2026-06-13T10:20:00+08:00',
    type: 'receive',
    data: {
      channel: 'reception-day',
      stationId: 'st-baichehe',
      areaCode: '520221104201',
      category: 'roads and drainage',
      summary: 'The culvert by the village road is blocked; rain water floods the road and people cannot pass.',
      constituent: { name: 'Hu (villager, group 4)', phone: '138 0000 0613' },
      location: { description: 'Village road by the culvert, group 4' },
      urgency: 'urgent',
    },
  },
  { actor: supervisor, at: '2026-06-13T11:00:00+08:00', type: 'assign', data: { deputyIds: ['dep-li', 'dep-wen'] } },
  { actor: deputyLi, at: '2026-06-13T11:30:00+08:00', type: 'acknowledge', data: {} },
  { actor: deputyLi, at: '2026-06-13T11:35:00+08:00', type: 'schedule-site-check', data: { at: '2026-06-14T08:00:00+08:00' } },
  {
    actor: deputyLi,
    at: '2026-06-14T08:40:00+08:00',
    type: 'complete-site-check',
    data: { findings: 'Culvert cleared of branches and silt with the village team; water drains off the road again.' },
  },
  { actor: deputyLi, at: '2026-06-14T09:00:00+08:00', type: 'resolve', data: { outcome: 'done', summary: 'Culvert cleared; road passable.' } },
  {
    actor: deputyWen,
    at: '2026-06-14T10:15:00+08:00',
    type: 'give-feedback',
    data: { method: 'in-person', summary: 'Visited her at home and told her the culvert was cleared that morning.' },
  },
  { actor: registrar, at: '2026-06-21T15:00:00+08:00', type: 'record-follow-up', data: { resolved: true, satisfaction: 'satisfied' } },
  { actor: registrar, at: '2026-06-21T15:05:00+08:00', type: 'close', data: {} },
];

export async function runCulvertStory(engine: WorkflowEngine, log: (line: string) => void): Promise<string> {
  const caseId = randomUUID();
  for (const step of steps) {
    const result = await engine.execute({
      streamId: caseId,
      type: step.type,
      data: step.data,
      commandId: randomUUID(),
      actor: step.actor,
      occurredAt: step.at,
    });
    const status = String(result.state.snapshot.value);
    log(`${step.at}  ${step.actor.role.padEnd(10)} ${step.type.padEnd(20)} → ${status.padEnd(12)} rev ${result.revision}`);
  }
  return caseId;
}
