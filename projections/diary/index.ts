import type Database from 'better-sqlite3';
import type { CaseEvent } from '../../contracts/case/events.js';
import type { DiaryRole } from '../../contracts/diary.js';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { caseFactOf, type CaseReadingRules } from '../case-events.js';
import { preparedPerDb } from '../prepared.js';
import type { Projection } from '../runner.js';
import { DIARY_VERSION, diaryDdl, diaryTables } from './schema.js';
import { quote, statementsFor as entryStatementsFor } from './statements.js';
import { evolveWork } from './work.js';

const statementsFor = preparedPerDb((db: Database.Database) => ({
  putCase: db.prepare(`INSERT OR REPLACE INTO ${diaryTables.cases} (case_id, tracking_code, summary) VALUES (?, ?, ?)`),
}));

/** Bookkeeping of merges repeats what someone did on another case; the diary has it there. */
const notInDiary = new Set<string>(['CaseAttached', 'CaseMergeConfirmed', 'CaseDetached', 'FeedbackRelayed']);

/** What a sentence about the event needs beyond the case, as small JSON (null when nothing). */
function detailOf(event: CaseEvent): string | null {
  switch (event.type) {
    case 'CaseReceived': return JSON.stringify({ channel: event.data.channel });
    case 'CaseReassigned': return event.data.reason === undefined ? null : JSON.stringify({ reason: quote(event.data.reason) });
    case 'SiteCheckScheduled': return JSON.stringify({ at: event.data.at });
    case 'SiteCheckCompleted': return JSON.stringify({ findings: quote(event.data.findings) });
    case 'CaseReferred': return JSON.stringify({ agency: event.data.agency });
    case 'AgencyReplied': return JSON.stringify({ agency: event.data.agency, reply: quote(event.data.reply) });
    case 'ProgressNoted':
    case 'NoteAdded': return JSON.stringify({ text: quote(event.data.text) });
    case 'CaseResolved': return JSON.stringify({ outcome: event.data.outcome, summary: quote(event.data.summary) });
    case 'FeedbackGiven': return JSON.stringify({ method: event.data.method, summary: quote(event.data.summary) });
    default: return null;
  }
}

/** The deputies the event names, with why; the actor first, so acting wins over being named. */
function deputiesIn(event: CaseEvent, actor: { id: string; role: string }): Map<string, DiaryRole> {
  const named = new Map<string, DiaryRole>();
  if (actor.role === 'deputy') named.set(actor.id, 'actor');
  const add = (ids: readonly string[], role: DiaryRole) => {
    for (const id of ids) if (!named.has(id)) named.set(id, role);
  };
  if (event.type === 'CaseReceived') add(event.data.receptionDeputyIds, 'reception');
  else if (event.type === 'CaseAssigned' || event.type === 'CaseReassigned') add(event.data.deputyIds, 'assigned');
  else if (event.type === 'SiteCheckCompleted') add(event.data.participants.deputyIds, 'site-check');
  return named;
}

/** When the deputy did it: the visit and the site check carry their own times; the rest, the command's. */
function timeOf(event: CaseEvent, occurredAt: string): string {
  if (event.type === 'CaseReceived') return event.data.receivedAt;
  if (event.type === 'SiteCheckCompleted') return event.data.checkedAt;
  return occurredAt;
}

function evolveCase(db: Database.Database, recorded: RecordedEvent): void {
  const fact = caseFactOf(recorded);
  if (!fact || notInDiary.has(fact.event.type)) return;
  const { event, caseId } = fact;
  if (event.type === 'CaseReceived') statementsFor(db).putCase.run(caseId, event.data.trackingCode, quote(event.data.summary));
  const named = deputiesIn(event, fact.actor);
  if (named.size === 0) return;
  const at = timeOf(event, fact.occurredAt);
  const detail = detailOf(event);
  const put = entryStatementsFor(db).putEntry;
  for (const [deputyId, role] of named) put.run(deputyId, at, fact.position, 'case', caseId, event.type, role, detail);
}

export function evolveDiary(db: Database.Database, recorded: RecordedEvent): void {
  if (recorded.streamName.startsWith('case-')) evolveCase(db, recorded);
  else evolveWork(db, recorded);
}

/**
 * diary@2 (履职日记): for each deputy, every case event they did (a
 * deputy actor) or that names them (received the visitor, were assigned,
 * went on the site check); the visits they received, the appointments they
 * held, and the activities they took part in or are to take part in. The
 * case workflow's rules are not needed: a diary records what happened, not
 * where it left the case.
 */
export function diaryProjection(_rules: CaseReadingRules): Projection {
  return {
    name: 'diary',
    version: DIARY_VERSION,
    filter: { kind: 'category', categories: ['case', 'visit', 'appointment', 'activity'] },
    ddl: diaryDdl,
    evolve: evolveDiary,
  };
}

export { readDiary, type DiaryRow } from './queries.js';
export { diarySentence } from './sentences.js';
export { QUOTE_CHARS } from './statements.js';
export { DIARY_VERSION, diaryTables } from './schema.js';
