import type { CaseCommandType } from '../../contracts/case/commands.js';
import type { DomainEvent } from '../../workflows/engine/definition.js';

/** A valid payload for every case command, as a station would send it. */
export const sampleCommandData: Record<CaseCommandType, Record<string, unknown>> = {
  receive: {
    channel: 'reception-day',
    stationId: 'st-baichehe',
    areaCode: '520221104201',
    category: 'roads',
    summary: 'Blocked culvert floods the village road after rain',
    constituent: { name: 'Hu Zhongmin', phone: '138 0000 0000' },
    location: { description: 'Fana group 4, by the culvert', lat: 26.59, lng: 104.83 },
    urgency: 'urgent',
  },
  accept: {},
  assign: { deputyIds: ['dep-li', 'dep-wen'] },
  reassign: { deputyIds: ['dep-wen'], reason: 'Li is away this week' },
  acknowledge: {},
  'schedule-site-check': { at: '2026-06-14T08:00:00+08:00' },
  'complete-site-check': { findings: 'Culvert cleared of debris; water runs off the road again' },
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
  escalate: { reason: 'No reply in five days' },
};

const ev = (type: string, data: Record<string, unknown> = {}): DomainEvent => ({ type, data });

const received = [
  ev('CaseReceived', {
    ...sampleCommandData.receive,
    caseId: 'spec-1',
    trackingCode: 'ABCD-2345',
    replyDueBy: '2026-06-14T01:00:00.000Z',
  }),
];
const assigned = [...received, ev('CaseAssigned', sampleCommandData.assign)];
const acknowledged = [...assigned, ev('CaseAcknowledged')];
const resolved = [...acknowledged, ev('CaseResolved', sampleCommandData.resolve)];
const answered = [...resolved, ev('FeedbackGiven', sampleCommandData['give-feedback'])];

/** A history that leaves a case in each status. */
export const historyFor: Record<string, DomainEvent[]> = {
  received,
  accepted: [...received, ev('CaseAccepted')],
  assigned,
  acknowledged,
  'site-check': [...acknowledged, ev('SiteCheckScheduled', sampleCommandData['schedule-site-check'])],
  'in-progress': [...acknowledged, ev('ProgressNoted', sampleCommandData['note-progress'])],
  resolved,
  declined: [...received, ev('CaseDeclined', sampleCommandData.decline)],
  answered,
  'followed-up': [...answered, ev('FollowUpRecorded', sampleCommandData['record-follow-up'])],
  closed: [...answered, ev('CaseClosed')],
  withdrawn: [...received, ev('CaseWithdrawn', sampleCommandData.withdraw)],
  merged: [...received, ev('CaseMerged', sampleCommandData.merge)],
};
