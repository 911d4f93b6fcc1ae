import type Database from 'better-sqlite3';
import { statusGroupOf, urgencies, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { caseFactOf, statusAfter, type CaseFact, type CaseReadingRules } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import { tables as t } from './schema.js';
import { searchableText } from './search-text.js';

type Statement = Database.Statement<Record<string, unknown>>;

function prepare(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql) as Statement;
  return {
    row: db.prepare(`SELECT seq, status, position, reply_due_by AS replyDueBy, settled_at AS settledAt, deputy_ids AS deputyIds
      FROM ${t.cases} WHERE id = ?`) as Database.Statement<[string], CaseRow>,
    insert: s(`INSERT INTO ${t.cases} (id, tracking_code, status, status_group, station_id, area_code, category, channel,
      urgency, urgency_rank, summary, location, received_at, last_activity_at, reply_due_by, workflow_version, position)
      VALUES (@id, @trackingCode, @status, @group, @stationId, @areaCode, @category, @channel,
      @urgency, @urgencyRank, @summary, @location, @receivedAt, @at, @replyDueBy, @workflowVersion, @position)`),
    touch: s(`UPDATE ${t.cases} SET status = @status, status_group = @group, last_activity_at = @at, position = @position WHERE seq = @seq`),
    settle: s(`UPDATE ${t.cases} SET replied_at = coalesce(replied_at, @repliedAt), settled_at = @at, late = @late WHERE seq = @seq`),
    newRound: s(`UPDATE ${t.cases} SET reply_due_by = @replyDueBy, replied_at = NULL, settled_at = NULL, late = 0 WHERE seq = @seq`),
    escalate: s(`UPDATE ${t.cases} SET escalated = 1 WHERE seq = @seq`),
    setDeputies: s(`UPDATE ${t.cases} SET deputy_ids = @deputyIds WHERE seq = @seq`),
    unlink: s(`DELETE FROM ${t.deputies} WHERE deputy_id = @deputyId AND case_seq = @seq`),
    link: s(`INSERT OR IGNORE INTO ${t.deputies} (deputy_id, case_seq) VALUES (@deputyId, @seq)`),
    index: s(`INSERT INTO ${t.search} (text, case_seq) VALUES (@text, @seq)`),
  };
}

interface CaseRow {
  seq: number;
  status: CaseStatus;
  position: number;
  replyDueBy: string;
  settledAt: string | null;
  deputyIds: string;
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
 * case-list@1's evolve: one case event, a row read by key and one or two
 * statements. The status follows the workflow's own tables (statusAfter),
 * never a list of its own here.
 */
export function caseListEvolve(rules: CaseReadingRules) {
  return (db: Database.Database, recorded: RecordedEvent): void => {
    const fact = caseFactOf(recorded);
    if (!fact) return;
    const s = statementsFor(db);
    const { event, occurredAt: at, position } = fact;
    if (event.type === 'CaseReceived') {
      received(s, rules, fact);
      return;
    }
    const row = s.row.get(fact.caseId);
    // A case whose receipt this model never saw, or an event already applied.
    if (!row || position <= row.position) return;
    const status = statusAfter(rules, fact.workflowVersion, row.status, event.type) as CaseStatus;
    s.touch.run({ seq: row.seq, status, group: statusGroupOf[status], at, position });
    const seq = row.seq;
    if (rules.replyEvents.has(event.type)) {
      // Only the first reply of a round answers its deadline.
      if (row.settledAt === null) s.settle.run({ seq, repliedAt: at, at, late: Number(at > row.replyDueBy) });
    }
    switch (event.type) {
      case 'CaseWithdrawn':
        // The citizen no longer waits for a reply.
        if (row.settledAt === null) s.settle.run({ seq, repliedAt: null, at, late: Number(at > row.replyDueBy) });
        break;
      case 'CaseReopened':
        s.newRound.run({ seq, replyDueBy: event.data.replyDueBy ?? row.replyDueBy });
        break;
      case 'CaseEscalated':
        s.escalate.run({ seq });
        break;
      case 'CaseAssigned':
      case 'CaseReassigned': {
        for (const deputyId of JSON.parse(row.deputyIds) as string[]) s.unlink.run({ deputyId, seq });
        for (const deputyId of event.data.deputyIds) s.link.run({ deputyId, seq });
        s.setDeputies.run({ seq, deputyIds: JSON.stringify(event.data.deputyIds) });
        break;
      }
      default: {
        const text = textOf(fact);
        if (text) s.index.run({ text: searchableText(text), seq });
      }
    }
  };
}

function received(s: ReturnType<typeof prepare>, rules: CaseReadingRules, fact: CaseFact): void {
  if (fact.event.type !== 'CaseReceived' || s.row.get(fact.caseId)) return;
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
  s.index.run({ text: searchableText(location ? `${data.summary}\n${location}` : data.summary), seq: Number(lastInsertRowid) });
}
