import { assign, setup } from 'xstate';
import { z } from 'zod';
import { inboxEventContracts } from '../../contracts/notifications.js';
import type { Stamped, WorkflowDefinition } from '../engine/definition.js';

export interface InboxContext {
  /** How many times the person marked notifications read. */
  marks: number;
}
export type InboxCommand = { type: 'mark-read'; data: { ids: string[]; upTo: string | null } };
export type InboxEvent = { type: 'NotificationsRead'; data: { ids: string[]; upTo: string | null } };

const machine = setup({
  types: { context: {} as InboxContext, events: {} as Stamped<InboxEvent> },
  actions: { record: assign(({ context }) => ({ marks: context.marks + 1 })) },
}).createMachine({
  id: 'inbox',
  initial: 'open',
  context: { marks: 0 },
  states: { open: { on: { NotificationsRead: { actions: 'record' } } } },
});

/**
 * A person's inbox: only what they marked read (the notifications
 * themselves are derived from case events). One status, every mark taken;
 * a retried request is one mark, by its command id.
 */
export const inboxWorkflow: WorkflowDefinition<InboxContext, InboxCommand, InboxEvent> = {
  name: 'inbox',
  version: 1,
  category: 'inbox',
  machine,
  commands: { 'mark-read': z.strictObject({ ids: z.array(z.string()), upTo: z.string().nullable() }) },
  events: inboxEventContracts,
  commandEvents: { 'mark-read': 'NotificationsRead' },
  decide: (command) => [{ type: 'NotificationsRead', data: { ids: command.data.ids, upTo: command.data.upTo } }],
};
