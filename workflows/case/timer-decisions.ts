import type { CaseCommand, CaseCommandOf } from '../../contracts/case/commands.js';
import type { CaseEvent } from '../../contracts/case/events.js';
import type { DeadlineKind, TimerAction } from '../../contracts/case/timers.js';
import { CommandInvalidError, HuiyinError } from '../../contracts/errors.js';
import type { DecideContext } from '../engine/definition.js';
import type { CaseContext } from './context.js';
import { pendingTimer } from './timers.js';

type TimerCommand = CaseCommandOf<'remind' | 'mark-overdue' | 'escalate-overdue'>;

const actionOf: Readonly<Record<TimerCommand['type'], TimerAction>> = {
  remind: 'remind',
  'mark-overdue': 'overdue',
  'escalate-overdue': 'escalate',
};

export const isTimerCommand = (command: CaseCommand): command is TimerCommand => Object.hasOwn(actionOf, command.type);

const deadlineNames: Readonly<Record<DeadlineKind, string>> = { reply: '首次答复', feedback: '办理结果反馈', escalation: '督办' };

/** The plan that set the case's deadlines: its latest reopening's, else its receipt's. */
const planOf = (c: CaseContext) => c.reopenings.at(-1)?.plan ?? c.received?.plan ?? null;

/**
 * The scheduler's firing, decided on the case as it is: nothing when the
 * case no longer waits for it (answered, closed, or fired already by
 * another instance or an earlier try), so however often it is sent it is
 * recorded once. Whom it is for comes from the case, not the command.
 */
export function firedTimer(command: TimerCommand, c: CaseContext, context: DecideContext): CaseEvent[] {
  if (context.actor.role !== 'system') {
    throw new HuiyinError('AUTH.FORBIDDEN', `${command.type} is Huiyin's own step`, { action: command.type });
  }
  const { deadline, dueBy } = command.data;
  const action = actionOf[command.type];
  const pending = pendingTimer(c.timers, deadline, action, dueBy);
  if (!pending) return [];
  if (Date.parse(pending.at) > Date.parse(context.occurredAt)) {
    throw new CommandInvalidError(command.type, [{ path: 'data.dueBy', message: `this ${action} is not due until ${pending.at}` }]);
  }
  const to = { deputyIds: c.deputyIds, stationStaff: c.deputyIds.length > 0 ? null : (c.received?.stationId ?? null) };
  switch (action) {
    case 'remind':
      // A reminder that comes due only after its deadline (Huiyin was down) would remind of nothing: it is the overdue mark.
      if (Date.parse(context.occurredAt) >= Date.parse(dueBy)) return [{ type: 'CaseWentOverdue', data: { deadline, dueBy, to } }];
      return [{ type: 'ReminderSent', data: { deadline, dueBy, to } }];
    case 'overdue':
      return [{ type: 'CaseWentOverdue', data: { deadline, dueBy, to } }];
    case 'escalate': {
      const plan = planOf(c);
      const supervisorIds = plan?.escalateTo ?? [];
      const policy = plan?.policy ?? { definedBy: null, revision: -1 };
      const area = c.received?.areaCode ?? '';
      return [{
        type: 'CaseEscalated',
        data: {
          to: supervisorIds.length > 0 ? supervisorIds.join(', ') : `${area} 及上级区域的督办人员`,
          reason: `${deadlineNames[deadline]}期限（${dueBy}）已过仍未办理，按期限规则自动督办`,
          dueBy: null,
          automatic: { deadline, dueBy, policy, supervisorIds },
        },
      }];
    }
  }
}
