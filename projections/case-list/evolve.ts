import type Database from 'better-sqlite3';
import { statusGroupOf, urgencies, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { batched } from '../batched.js';
import { caseFactOf, statusAfter, type CaseFact, type CaseReadingRules } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import { CaseListBatch, type CaseState } from './batch.js';
import { tables as t } from './schema.js';
import { searchableText } from './search-text.js';

type Statement = Database.Statement<Record<string, unknown>>;

function prepare(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql) as Statement;
  return {
    insert: s(`INSERT INTO ${t.cases} (id, tracking_code, status, status_group, station_id, area_code, category, channel,
      urgency, urgency_rank, summary, location, received_at, last_activity_at, reply_due_by, workflow_version, position)
      VALUES (@id, @trackingCode, @status, @group, @stationId, @areaCode, @category, @channel,
      @urgency, @urgencyRank, @summary, @location, @receivedAt, @at, @replyDueBy, @workflowVersion, @position)`),
    unlink: s(`DELETE FROM ${t.deputies} WHERE deputy_id = @deputyId AND case_seq = @seq`),
    link: s(`INSERT OR IGNORE INTO ${t.deputies} (deputy_id, case_seq) VALUES (@deputyId, @seq)`),
    index: s(`INSERT INTO ${t.search} (text, case_seq) VALUES (@text, @seq)`),
  };
}

const statementsFor = preparedPerDb(prepare);
const urgencyRank = new Map<string, number>(urgencies.map((u, i) => [u, i]));

/** Events whose text is searched, besides the case's summary and location. */
const textOf = (fact: CaseFact): string | undefined => {
  const { event } = fact;
  switch (event.type) {
    case 'NoteAdded':
    case 'ProgressNoted':
      return event.data.text;
    default:
      return undefined;
  }
};

/**
 * case-list@2's evolve: one case event moves the case's row, kept for the
 * rest of the batch and written once at its end (batch.ts); an event applied
 * on its own is written at once. The status follows the workflow's own
 * tables (statusAfter), never a list of its own here.
 */
export function caseListEvolve(rules: CaseReadingRules) {
  const apply = (b: CaseListBatch, recorded: RecordedEvent): void => {
    const fact = caseFactOf(recorded);
    if (!fact) return;
    const s = statementsFor(b.db);
    const { event, occurredAt: at, position } = fact;
    if (event.type === 'CaseReceived') {
      received(s, b, rules, fact);
      return;
    }
    const row = b.caseOf(fact.caseId);
    // A case whose receipt this model never saw, or an event already applied.
    if (!row || position <= row.position) return;
    const seq = row.seq;
    const settledBefore = row.settledAt;
    const status = statusAfter(rules, fact.workflowVersion, row.status, event.type) as CaseStatus;
    // Huiyin's own reminders, overdue marks and escalations are not activity
    // on the case, nor is the citizen pressing it: nobody worked on it.
    const role = fact.actor?.role;
    const lastActivityAt = role === 'system' || role === 'citizen' ? row.lastActivityAt : at;
    Object.assign(row, { status, group: statusGroupOf[status], lastActivityAt, position });
    b.changedCase(row);
    // Only the first reply of a round answers its deadline; a withdrawal
    // stops it too (the citizen no longer waits), answering nothing.
    const settles = rules.replyEvents.has(event.type) || event.type === 'CaseWithdrawn';
    if (settles && settledBefore === null) {
      if (event.type !== 'CaseWithdrawn') row.repliedAt ??= at;
      Object.assign(row, { settledAt: at, late: Number(at > row.replyDueBy) });
    }
    switch (event.type) {
      case 'CaseReopened':
        Object.assign(row, { replyDueBy: event.data.replyDueBy ?? row.replyDueBy, repliedAt: null, settledAt: null, late: 0 });
        break;
      case 'CaseEscalated':
        row.escalated = 1;
        break;
      case 'CasePressed':
        Object.assign(row, { pressCount: row.pressCount + 1, lastPressedAt: at });
        break;
      case 'CaseAssigned':
      case 'CaseReassigned': {
        for (const deputyId of JSON.parse(row.deputyIds) as string[]) s.unlink.run({ deputyId, seq });
        for (const deputyId of event.data.deputyIds) s.link.run({ deputyId, seq });
        row.deputyIds = JSON.stringify(event.data.deputyIds);
        break;
      }
      default: {
        const text = textOf(fact);
        if (text) s.index.run({ text: searchableText(text), seq });
      }
    }
  };
  return batched((db) => new CaseListBatch(db), apply);

}

function received(s: ReturnType<typeof prepare>, b: CaseListBatch, rules: CaseReadingRules, fact: CaseFact): void {
  if (fact.event.type !== 'CaseReceived' || b.caseOf(fact.caseId)) return;
  const data = fact.event.data;
  const status = statusAfter(rules, fact.workflowVersion, 'new', 'CaseReceived') as CaseStatus;
  const location = data.location?.description ?? null;
  const { lastInsertRowid } = s.insert.run({
    id: fact.caseId,
    trackingCode: data.trackingCode,
    status,
    group: statusGroupOf[status],
    stationId: data.stationId,
    areaCode: data.areaCode,
    category: data.category,
    channel: data.channel,
    urgency: data.urgency,
    urgencyRank: urgencyRank.get(data.urgency) ?? urgencies.length,
    summary: data.summary,
    location,
    receivedAt: data.receivedAt,
    at: fact.occurredAt,
    replyDueBy: data.replyDueBy,
    workflowVersion: fact.workflowVersion,
    position: fact.position,
  });
  const seq = Number(lastInsertRowid);
  const state: CaseState = {
    seq, status, group: statusGroupOf[status], lastActivityAt: fact.occurredAt, position: fact.position, replyDueBy: data.replyDueBy,
    repliedAt: null, settledAt: null, late: 0, escalated: 0, pressCount: 0, lastPressedAt: null, deputyIds: '[]',
  };
  b.receivedCase(fact.caseId, state);
  s.index.run({ text: searchableText(location ? `${data.summary}\n${location}` : data.summary), seq });
}
