import type { HistoryEvent } from '../../../../../contracts/history.js';

/**
 * One event of a case's history as a line a person reads ("周兰 确认接收"):
 * an i18n key under cases.event, its values, and the words typed with it
 * (findings, a summary) shown beneath. Pure, so it is tested without a page.
 */
export interface TimelineLine {
  key: string;
  params: Record<string, string>;
  detail?: string;
}

export interface TimelineWords {
  /** A person's name from an actor record ({ id, role, name }). */
  who: (actor: unknown) => string;
  deputyName: (id: string) => string;
  /** A vocabulary word: word('method', 'in-person') → 当面. */
  word: (group: string, value: string) => string;
  list: (items: string[]) => string;
  time: (iso: string) => string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function describeEvent(event: Pick<HistoryEvent, 'type' | 'data' | 'metadata'>, words: TimelineWords): TimelineLine {
  const d = event.data;
  const who = words.who(event.metadata.actor);
  const deputies = () => words.list(strings(d.deputyIds).map(words.deputyName));
  const line = (key: string, params: Record<string, string> = {}, detail?: unknown): TimelineLine => {
    const text = str(detail);
    return text ? { key, params: { who, ...params }, detail: text } : { key, params: { who, ...params } };
  };
  switch (event.type) {
    case 'CaseReceived':
      return line('received', { channel: words.word('channel', str(d.channel)) }, d.summary);
    case 'CaseAssigned':
      return line('assigned', { deputies: deputies() });
    case 'CaseReassigned':
      return line('reassigned', { deputies: deputies() }, d.reason);
    case 'SiteCheckScheduled':
      return line('siteCheckScheduled', { at: words.time(str(d.at)) });
    case 'SiteCheckCompleted': {
      const p = (d.participants ?? {}) as Record<string, unknown>;
      const people = [...strings(p.deputyIds).map(words.deputyName), ...strings(p.staff)];
      return line('siteCheckCompleted', { people: words.list(people) }, d.findings);
    }
    case 'CaseReferred':
      return line('referred', { agency: str(d.agency) }, d.note);
    case 'AgencyReplied':
      return line('agencyReplied', { agency: str(d.agency) }, d.reply);
    case 'CaseResolved':
      return line('resolved', { outcome: words.word('outcome', str(d.outcome)) }, d.summary);
    case 'FeedbackGiven':
    case 'FeedbackRelayed':
      return line(event.type === 'FeedbackGiven' ? 'feedback' : 'feedbackRelayed', { method: words.word('method', str(d.method)) }, d.summary);
    case 'FollowUpRecorded':
      return line(
        'followUp',
        { satisfaction: words.word('satisfaction', str(d.satisfaction)), resolved: words.word('resolved', String(d.resolved === true)) },
        d.comment,
      );
    case 'CaseClosed':
      return line('closed', {}, d.overrideReason ?? d.summary);
    case 'CaseEscalated':
      if (d.automatic) return line('escalatedAuto', { deadline: words.word('deadline', str((d.automatic as Record<string, unknown>).deadline)) }, d.reason);
      return line('escalated', { to: str(d.to) || '—', due: d.dueBy ? words.time(str(d.dueBy)) : '—' }, d.reason);
    case 'ReminderSent':
    case 'CaseWentOverdue':
      return line(event.type === 'ReminderSent' ? 'reminder' : 'overdue', { deadline: words.word('deadline', str(d.deadline)), due: words.time(str(d.dueBy)) });
    case 'CaseMerged':
      return line('merged');
    case 'CaseAttached':
    case 'CaseMergeConfirmed':
      return line(event.type === 'CaseAttached' ? 'attached' : 'mergeConfirmed');
    case 'CaseDetached':
      return line('detached', {}, d.reason);
    case 'CaseAccepted':
      return line('accepted', {}, d.note);
    case 'CaseAcknowledged':
      return line('acknowledged');
    case 'ProgressNoted':
    case 'NoteAdded':
      return line(event.type === 'ProgressNoted' ? 'progress' : 'note', {}, d.text);
    case 'CaseDeclined':
      return line('declined', { to: str(d.redirectTo) || '—' }, d.reason);
    case 'CaseReopened':
      return line('reopened', {}, d.reason);
    case 'CaseWithdrawn':
      return line('withdrawn', {}, d.reason);
    case 'CasePressed':
      return line('pressed', {}, d.comment);
    default:
      return line('other', { type: event.type });
  }
}
