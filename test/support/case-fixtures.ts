import type { z } from 'zod';
import type { caseCommandData, CaseCommandType, receiveBody } from '../../contracts/case/commands.js';
import type { CaseEventData, CaseEventType } from '../../contracts/case/events.js';
import type { CaseStatus } from '../../contracts/case/vocabulary.js';
import type { GivenEvent } from './workflow-spec.js';

/**
 * Later than any clock these fixtures meet — the specs' fixed time and the
 * real clock of the HTTP tests — so v2's "not in the past" rules pass under
 * both. Tests of those rules set their own times.
 */
const farAhead = '2036-06-14T08:00:00+08:00';

/**
 * The cases merges name: one the sample `attach` brings in, one being
 * merged now (attached, not yet confirmed: what `confirm-merge` names), and
 * one merged earlier (what `detach` takes back).
 */
export const arrivingCaseId = 'case-arriving';
export const mergingCaseId = 'case-merging-now';
export const mergedEarlierCaseId = 'case-merged-earlier';

type SampleCommandData = { [K in CaseCommandType]: z.input<(typeof caseCommandData)[K]> };

/**
 * A valid payload for every case command, internal ones included, as a
 * station (or the case service) would send it. The receive command carries
 * what the service adds from the directory; it leaves `receivedAt` out, so
 * the visit is "now" whatever the clock.
 */
export const sampleCommandData: SampleCommandData = {
  receive: {
    channel: 'reception-day',
    stationId: 'st-baichehe',
    areaCode: '520221104201',
    category: 'roads',
    categoryName: '道路与排水',
    summary: 'Blocked culvert floods the village road after rain',
    constituent: { name: 'Hu Zhongmin', phone: '138 0000 0000', address: 'Fana group 4' },
    location: { description: 'Fana group 4, by the culvert', lat: 26.59, lng: 104.83 },
    urgency: 'urgent',
    receptionDeputyIds: ['dep-li'],
  },
  accept: { note: 'Within the station’s remit' },
  assign: { deputyIds: ['dep-li', 'dep-wen'] },
  reassign: { deputyIds: ['dep-wen'], reason: 'Li is away this week' },
  acknowledge: {},
  'schedule-site-check': { at: farAhead },
  'complete-site-check': {
    findings: 'Culvert cleared of debris; water runs off the road again',
    participants: { deputyIds: ['dep-li'], staff: ['Wang Fang'] },
  },
  refer: { agency: 'Township roads office', note: 'Needs a bigger pipe' },
  'record-agency-reply': { agency: 'Township roads office', reply: 'Pipe replacement scheduled for July' },
  'note-progress': { text: 'Called the roads office' },
  resolve: { outcome: 'done', summary: 'Culvert cleared, road dry' },
  decline: { reason: 'A court matter, not for a deputy', redirectTo: 'County legal aid centre' },
  'give-feedback': { method: 'in-person', summary: 'Told her at home what was done' },
  'record-follow-up': { resolved: true, satisfaction: 'satisfied' },
  close: {},
  reopen: { reason: 'Flooded again after the next storm' },
  withdraw: { reason: 'Sorted it out with the neighbour' },
  merge: { intoCaseId: 'other-case' },
  'add-note': { text: 'Citizen called to ask for news' },
  escalate: { to: 'County roads bureau', reason: 'No reply in five days', dueBy: farAhead },
  attach: { caseId: arrivingCaseId },
  'confirm-merge': { caseId: mergingCaseId },
  detach: { caseId: mergedEarlierCaseId, reason: 'the merge did not complete' },
  'relay-feedback': { fromCaseId: 'other-case', method: 'phone', summary: 'The roads office replaced the pipe' },
  remind: { deadline: 'reply', dueBy: '2026-06-13T02:00:00.000Z' },
  'mark-overdue': { deadline: 'reply', dueBy: '2026-06-13T02:00:00.000Z' },
  'escalate-overdue': { deadline: 'reply', dueBy: '2026-06-13T02:00:00.000Z' },
  press: { comment: 'Still flooding after the rain' },
};

/** The reception form as a client posts it: without what the service looks up in the directory. */
export const sampleReceiveBody: z.input<typeof receiveBody> = (({ areaCode: _area, categoryName: _name, ...body }) => body)(sampleCommandData.receive);

type SampleEventData = { [K in CaseEventType]: CaseEventData<K> };

/**
 * Data of every case event in its current (v2) shape, as the decider writes
 * it; the specs check each given event against its contract. The visit was
 * the day before the fixtures' time, and the deadline counts from it.
 */
export const sampleEventData: SampleEventData = {
  CaseReceived: {
    ...sampleCommandData.receive,
    caseId: 'spec-1',
    trackingCode: 'ABCD-2345',
    receivedAt: '2026-06-12T02:00:00.000Z',
    receptionDeputyIds: ['dep-li'],
    replyDueBy: '2026-06-13T02:00:00.000Z',
    plan: {
      reply: { remindAt: '2026-06-12T20:00:00.000Z', escalateAt: '2026-06-17T10:00:00.000Z' },
      feedback: { dueBy: '2026-06-16T10:00:00.000Z', remindAt: '2026-06-15T16:00:00.000Z', escalateAt: '2026-06-19T10:00:00.000Z' },
      escalateTo: [],
      policy: { definedBy: null, revision: -1 },
    },
  },
  CaseAccepted: { note: 'Within the station’s remit' },
  CaseAssigned: { deputyIds: ['dep-li', 'dep-wen'] },
  CaseReassigned: { deputyIds: ['dep-wen'], reason: 'Li is away this week' },
  CaseAcknowledged: {},
  SiteCheckScheduled: { at: '2026-06-14T00:00:00.000Z' },
  SiteCheckCompleted: {
    findings: 'Culvert cleared of debris',
    checkedAt: '2026-06-14T01:30:00.000Z',
    participants: { deputyIds: ['dep-li'], staff: ['Wang Fang'] },
  },
  CaseReferred: { agency: 'Township roads office', note: 'Needs a bigger pipe' },
  AgencyReplied: { agency: 'Township roads office', reply: 'Pipe replacement scheduled for July' },
  ProgressNoted: { text: 'Called the roads office' },
  CaseResolved: { outcome: 'done', summary: 'Culvert cleared, road dry' },
  CaseDeclined: { reason: 'A court matter, not for a deputy', redirectTo: 'County legal aid centre' },
  FeedbackGiven: { method: 'in-person', summary: 'Told her at home what was done' },
  FeedbackRelayed: { fromCaseId: 'other-case', method: 'phone', summary: 'The roads office replaced the pipe' },
  FollowUpRecorded: { resolved: true, satisfaction: 'satisfied' },
  CaseClosed: { summary: 'Done and confirmed' },
  CaseReopened: { reason: 'Flooded again after the next storm', replyDueBy: '2026-06-14T01:00:00.000Z', plan: null },
  CaseWithdrawn: { reason: 'Sorted it out with the neighbour' },
  CaseMerged: { intoCaseId: 'other-case' },
  CaseAttached: { caseId: mergingCaseId },
  CaseMergeConfirmed: { caseId: mergingCaseId },
  CaseDetached: { caseId: mergingCaseId, reason: 'the merge did not complete' },
  NoteAdded: { text: 'Citizen called to ask for news' },
  CaseEscalated: { to: 'County roads bureau', reason: 'No reply in five days', dueBy: '2026-06-20T01:00:00.000Z', automatic: null },
  ReminderSent: { deadline: 'reply', dueBy: '2026-06-13T02:00:00.000Z', to: { deputyIds: ['dep-li'], stationStaff: null } },
  CaseWentOverdue: { deadline: 'reply', dueBy: '2026-06-13T02:00:00.000Z', to: { deputyIds: ['dep-li'], stationStaff: null } },
  CasePressed: { comment: 'Still flooding after the rain' },
};

/** A history event with the sample data of its type, or the data given. */
export const ev = <K extends CaseEventType>(type: K, data?: CaseEventData<K>): GivenEvent => ({ type, data: data ?? sampleEventData[type] });

const received = [ev('CaseReceived')];
const assigned = [...received, ev('CaseAssigned')];
const acknowledged = [...assigned, ev('CaseAcknowledged')];
const resolved = [...acknowledged, ev('CaseResolved')];
const answered = [...resolved, ev('FeedbackGiven')];

/** A history that leaves a case in each status (both versions take each of them). */
export const historyFor: Record<'new' | CaseStatus, GivenEvent[]> = {
  new: [],
  received,
  accepted: [...received, ev('CaseAccepted')],
  assigned,
  acknowledged,
  'site-check': [...acknowledged, ev('SiteCheckScheduled')],
  'in-progress': [...acknowledged, ev('ProgressNoted')],
  resolved,
  declined: [...received, ev('CaseDeclined')],
  answered,
  'followed-up': [...answered, ev('FollowUpRecorded')],
  closed: [...answered, ev('CaseClosed')],
  withdrawn: [...received, ev('CaseWithdrawn')],
  merged: [...received, ev('CaseMerged')],
};

/** Events inserted right after receipt (an open case takes merges in both versions). */
const afterReceipt = (history: readonly GivenEvent[], ...events: GivenEvent[]): GivenEvent[] =>
  history.length === 0 ? [] : [history[0]!, ...events, ...history.slice(1)];

/** The same history with a merge into this case under way since receipt: attached, not yet confirmed. */
export const withPendingMerge = (history: readonly GivenEvent[], caseId = mergingCaseId): GivenEvent[] =>
  afterReceipt(history, ev('CaseAttached', { caseId }));

/** The same history with a case merged into this one right after receipt: attached and confirmed. */
export const withMergedCase = (history: readonly GivenEvent[], caseId = mergedEarlierCaseId): GivenEvent[] =>
  afterReceipt(history, ev('CaseAttached', { caseId }), ev('CaseMergeConfirmed', { caseId }));

/** Both: a case merged earlier, and another being merged now — what the sample internal commands name. */
export const withMerges = (history: readonly GivenEvent[]): GivenEvent[] => withPendingMerge(withMergedCase(history));
