import type { CaseEvent, CaseEventOf } from '../../contracts/case/events.js';
import { statusGroupOf, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { batched } from '../batched.js';
import { caseFactOf, statusAfter, type CaseReadingRules } from '../case-events.js';
import { bucketOf } from './histogram.js';
import { HOUR_MS, periodKeys } from './periods.js';
import { DashboardBatch } from './batch.js';
import type { CaseRow } from './schema.js';

const groupOf = (status: string) => statusGroupOf[status as CaseStatus];
/** An open case whose reply deadline is unanswered (and may pass) or was missed. */
const overdueCandidate = (c: CaseRow) =>
  c.due_ms !== null && (c.deadline === 'pending' || c.deadline === 'late') && groupOf(c.status) === 'open';

/** Adds `n` to a figure in the day, month and year of `ms` (and its hour, for deadlines). */
function tally(s: DashboardBatch, c: CaseRow, ms: number, dim: string, value: string, n: number, hourly = false): void {
  const keys = periodKeys(ms);
  if (hourly) s.tally('h', keys.h, c.area, c.station, dim, value, n);
  s.tally('d', keys.d, c.area, c.station, dim, value, n);
  s.tally('m', keys.m, c.area, c.station, dim, value, n);
  s.tally('y', keys.y, c.area, c.station, dim, value, n);
}

/** A step's duration since the visit, in the histograms of the day, month and year the step was first taken. */
function firstStep(s: DashboardBatch, c: CaseRow, flag: 'acked' | 'fed' | 'closed', metric: string, at: number): void {
  if (c[flag]) return;
  c[flag] = 1;
  const bucket = bucketOf((at - c.received_ms) / HOUR_MS);
  const keys = periodKeys(at);
  for (const grain of ['d', 'm', 'y'] as const) s.histogram(grain, keys[grain], c.area, c.station, metric, bucket);
}

function received(s: DashboardBatch, fact: { caseId: string; revision: number; workflowVersion: number }, event: CaseEventOf<'CaseReceived'>, status: string): void {
  const data = event.data;
  const receivedMs = Date.parse(data.receivedAt);
  const c: CaseRow = {
    case_id: fact.caseId, rev: fact.revision, version: fact.workflowVersion, status, area: data.areaCode, station: data.stationId,
    received_ms: receivedMs, received_day: periodKeys(receivedMs).d, due_ms: Date.parse(data.replyDueBy), deadline: 'pending',
    escalated: 0, acked: 0, fed: 0, closed: 0, done: 0, answered: 0,
  };
  tally(s, c, receivedMs, 'status', status, 1);
  tally(s, c, receivedMs, 'channel', data.channel, 1);
  tally(s, c, receivedMs, 'urgency', data.urgency, 1);
  tally(s, c, receivedMs, 'category', data.category, 1);
  tally(s, c, c.due_ms!, 'due', '', 1, true);
  if (groupOf(status) === 'open') s.now(c.area, c.station, 1, 0);
  if (overdueCandidate(c)) s.markOverdue(c.case_id, c.due_ms!, c.area, c.station);
  s.putCase(c);
}

/** What one event does to the case's figures besides moving its status. */
function effects(s: DashboardBatch, rules: CaseReadingRules, c: CaseRow, event: CaseEvent, at: number): void {
  if (rules.replyEvents.has(event.type) && c.deadline === 'pending') {
    c.deadline = at <= c.due_ms! ? 'met' : 'late';
    if (c.deadline === 'met') tally(s, c, c.due_ms!, 'met', '', 1, true);
  }
  switch (event.type) {
    case 'CaseAcknowledged':
      return firstStep(s, c, 'acked', 'acknowledge', at);
    case 'FeedbackGiven':
    case 'FeedbackRelayed':
      return firstStep(s, c, 'fed', 'feedback', at);
    case 'CaseClosed':
      return firstStep(s, c, 'closed', 'close', at);
    case 'FollowUpRecorded':
      return tally(s, c, at, 'followup', `${event.data.resolved ? 'resolved' : 'unresolved'}|${event.data.satisfaction}`, 1);
    case 'CaseResolved':
      if (event.data.outcome === 'done' && !c.done) {
        c.done = 1;
        tally(s, c, at, 'done', '', 1);
      }
      return;
    case 'CaseEscalated':
      if (!c.escalated && groupOf(c.status) === 'open') s.now(c.area, c.station, 0, 1);
      c.escalated = 1;
      return;
    case 'CaseWithdrawn':
    case 'CaseMerged':
      // Nobody waits for a reply any more (a merged case's target carries
      // it): a deadline still ahead no longer counts; one already missed does.
      if (c.deadline === 'pending' && at <= c.due_ms!) {
        c.deadline = 'dropped';
        tally(s, c, c.due_ms!, 'due', '', -1, true);
      }
      return;
    case 'CaseReopened':
      // v2 gives the reopened matter a new deadline, counted like the first.
      if (event.data.replyDueBy !== null) {
        c.due_ms = Date.parse(event.data.replyDueBy);
        c.deadline = 'pending';
        tally(s, c, c.due_ms, 'due', '', 1, true);
      }
      return;
    default:
      return;
  }
}

/**
 * dashboard@2's evolve: every figure of the case moved by one event. Within
 * a runner's batch the moves are summed and written at its end (batch.ts);
 * an event applied on its own is written at once.
 */
export function dashboardEvolve(rules: CaseReadingRules) {
  const apply = (s: DashboardBatch, recorded: RecordedEvent): void => {
    const fact = caseFactOf(recorded);
    if (!fact) return;
    const event = fact.event;
    if (event.type === 'CaseReceived') {
      if (s.caseOf(fact.caseId)) return;
      return received(s, fact, event, statusAfter(rules, fact.workflowVersion, 'new', event.type));
    }
    const c = s.caseOf(fact.caseId);
    // Applied already (a batch delivered again): nothing may count twice.
    if (!c || fact.revision <= c.rev) return;
    const at = Date.parse(fact.occurredAt);
    const before = { status: c.status, group: groupOf(c.status), overdue: overdueCandidate(c), due: c.due_ms };

    effects(s, rules, c, event, at);
    const next = statusAfter(rules, c.version, c.status as CaseStatus, event.type);
    if (next !== 'new' && next !== c.status) {
      tally(s, c, c.received_ms, 'status', c.status, -1);
      tally(s, c, c.received_ms, 'status', next, 1);
      c.status = next;
    }
    const group = groupOf(c.status);
    if (group !== before.group) {
      if (before.group === 'open') s.now(c.area, c.station, -1, -c.escalated);
      if (group === 'open') s.now(c.area, c.station, 1, c.escalated);
      if (group === 'answered' && !c.answered) {
        c.answered = 1;
        tally(s, c, at, 'answered', '', 1);
      }
    }
    const overdue = overdueCandidate(c);
    if (overdue && (!before.overdue || before.due !== c.due_ms)) s.markOverdue(c.case_id, c.due_ms!, c.area, c.station);
    else if (!overdue && before.overdue) s.clearOverdue(c.case_id);
    c.rev = fact.revision;
    s.putCase(c);
  };
  return batched((db) => new DashboardBatch(db), apply);

}
