import type { CaseEvent, CaseEventType } from '../../contracts/case/events.js';
import type { DeadlineKind, DeadlinePlan, PendingTimer, TimerAction } from '../../contracts/case/timers.js';
import { caseStatuses, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { TransitionTable } from './machine.js';

/** One deadline as the workflow declares it: what sets it, what answers it, what fires. */
export interface DeadlineDeclaration {
  description: string;
  setBy: readonly CaseEventType[];
  /** Any of these answers the deadline: whatever it had pending is dropped. */
  answeredBy: readonly CaseEventType[];
  fires: readonly TimerAction[];
}

/**
 * The case workflow's timers, as data: shown by GET /api/workflows/case and
 * followed by `evolveTimers`, which both the case (for the decider) and the
 * deadlines read model (for the scheduler) run, so the two never disagree
 * on what is pending.
 */
export const deadlineDeclarations: Readonly<Record<DeadlineKind, DeadlineDeclaration>> = {
  reply: {
    description: 'a first reply: a deputy acknowledges the matter, or feedback reaches the citizen',
    setBy: ['CaseReceived', 'CaseReopened'],
    answeredBy: ['CaseAcknowledged', 'FeedbackGiven', 'FeedbackRelayed'],
    fires: ['remind', 'overdue', 'escalate'],
  },
  feedback: {
    description: 'feedback on the outcome to the citizen',
    setBy: ['CaseReceived', 'CaseReopened'],
    answeredBy: ['FeedbackGiven', 'FeedbackRelayed'],
    fires: ['remind', 'overdue', 'escalate'],
  },
  escalation: {
    description: 'the due date a 督办 (escalation) set',
    setBy: ['CaseEscalated'],
    answeredBy: ['FeedbackGiven', 'FeedbackRelayed'],
    fires: ['overdue'],
  },
};

/** Leaving the open statuses ends every deadline: the matter is closed, withdrawn or merged. */
export const timersEndedBy: readonly CaseEventType[] = ['CaseClosed', 'CaseWithdrawn', 'CaseMerged'];

/** The event each firing records. */
export const timerEvents: Readonly<Record<TimerAction, CaseEventType>> = {
  remind: 'ReminderSent',
  overdue: 'CaseWentOverdue',
  escalate: 'CaseEscalated',
};

const ended = new Set<CaseEventType>(timersEndedBy);
const answering = new Map<CaseEventType, Set<DeadlineKind>>();
for (const [kind, declaration] of Object.entries(deadlineDeclarations) as [DeadlineKind, DeadlineDeclaration][]) {
  for (const type of declaration.answeredBy) answering.set(type, (answering.get(type) ?? new Set()).add(kind));
}
const none: readonly PendingTimer[] = [];

/** The firings a receipt or a reopening at `setAt` sets, in the order they fire. */
export function plannedTimers(replyDueBy: string | null, plan: DeadlinePlan | null, setAt: string): PendingTimer[] {
  const timer = (deadline: DeadlineKind, action: TimerAction, at: string | null, dueBy: string): PendingTimer[] =>
    at === null ? [] : [{ deadline, action, at, dueBy, setAt }];
  const timers: PendingTimer[] = [];
  if (replyDueBy !== null) {
    timers.push(...timer('reply', 'remind', plan?.reply.remindAt ?? null, replyDueBy), ...timer('reply', 'overdue', replyDueBy, replyDueBy));
    if (plan) timers.push(...timer('reply', 'escalate', plan.reply.escalateAt, replyDueBy));
  }
  if (plan) {
    const { dueBy, remindAt, escalateAt } = plan.feedback;
    timers.push(...timer('feedback', 'remind', remindAt, dueBy), ...timer('feedback', 'overdue', dueBy, dueBy), ...timer('feedback', 'escalate', escalateAt, dueBy));
  }
  return inFiringOrder(timers);
}

const inFiringOrder = (timers: PendingTimer[]) => timers.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

const isFiring = (t: PendingTimer, deadline: DeadlineKind, action: TimerAction, dueBy: string) =>
  t.deadline === deadline && t.action === action && t.dueBy === dueBy;

/** The firing `(deadline, action, dueBy)` if the case is still waiting for it. */
export function pendingTimer(timers: readonly PendingTimer[], deadline: DeadlineKind, action: TimerAction, dueBy: string): PendingTimer | undefined {
  return timers.find((t) => isFiring(t, deadline, action, dueBy));
}

/** Whether `evolveTimers` can change anything for an event of this type (most cannot). */
export function movesTimers(type: CaseEventType): boolean {
  return type === 'CaseReceived' || type === 'CaseReopened' || type === 'CaseEscalated' || type === 'ReminderSent' || type === 'CaseWentOverdue' || ended.has(type) || answering.has(type);
}

/** The firings a case waits for after one more event, which happened at `at`: the declarations above, applied. */
export function evolveTimers(timers: readonly PendingTimer[], event: CaseEvent, at: string): readonly PendingTimer[] {
  switch (event.type) {
    case 'CaseReceived':
      return plannedTimers(event.data.replyDueBy, event.data.plan, at);
    case 'CaseReopened':
      // A new round: new reply and feedback deadlines; a 督办's own due date still stands.
      return inFiringOrder([...plannedTimers(event.data.replyDueBy, event.data.plan, at), ...timers.filter((t) => t.deadline === 'escalation')]);
    case 'ReminderSent': {
      const { deadline, dueBy } = event.data;
      return timers.filter((t) => !isFiring(t, deadline, 'remind', dueBy));
    }
    case 'CaseWentOverdue': {
      // Past its deadline, a reminder of it has nothing left to remind of.
      const { deadline, dueBy } = event.data;
      return timers.filter((t) => !isFiring(t, deadline, 'overdue', dueBy) && !isFiring(t, deadline, 'remind', dueBy));
    }
    case 'CaseEscalated': {
      const { automatic, dueBy } = event.data;
      if (automatic) return timers.filter((t) => !isFiring(t, automatic.deadline, 'escalate', automatic.dueBy));
      if (dueBy === null) return timers;
      // A new 督办 due date replaces the one before.
      return inFiringOrder([...timers.filter((t) => t.deadline !== 'escalation'), { deadline: 'escalation', action: 'overdue', at: dueBy, dueBy, setAt: at }]);
    }
    default: {
      if (ended.has(event.type)) return none;
      const answered = answering.get(event.type);
      return answered ? timers.filter((t) => !answered.has(t.deadline)) : timers;
    }
  }
}

/**
 * The statuses in which a deadline can be pending, read from a transition
 * table: where the events that set it leave a case, and every status
 * reached from there by events that neither answer nor end it. Each of
 * them must take the deadline's firings (a test holds every version to it).
 */
export function watchedStatuses(table: TransitionTable, kind: DeadlineKind): CaseStatus[] {
  const { setBy, answeredBy } = deadlineDeclarations[kind];
  const stops = new Set<CaseEventType>([...answeredBy, ...timersEndedBy]);
  const seen = new Set<'new' | CaseStatus>();
  const visit = (status: 'new' | CaseStatus) => {
    if (seen.has(status)) return;
    seen.add(status);
    for (const [event, target] of Object.entries(table[status]) as [CaseEventType, CaseStatus | 'stay'][]) {
      if (!stops.has(event)) visit(target === 'stay' ? status : target);
    }
  };
  for (const [from, moves] of Object.entries(table) as ['new' | CaseStatus, TransitionTable['new']][]) {
    for (const event of setBy) {
      const target = moves[event];
      if (target !== undefined) visit(target === 'stay' ? from : target);
    }
  }
  return caseStatuses.filter((status) => seen.has(status));
}
