/**
 * The case's shared words: every layer (machine, projections, HTTP, web)
 * speaks these, so they are declared once, here.
 */
export const channels = ['reception-day', 'home-visit', 'online-message', 'appointment', 'hotline'] as const;
export type Channel = (typeof channels)[number];

export const urgencies = ['emergency', 'urgent', 'normal', 'complex'] as const;
export type Urgency = (typeof urgencies)[number];

export const outcomes = ['done', 'partly', 'explained'] as const;
export const feedbackMethods = ['in-person', 'phone', 'sms', 'online'] as const;
export const satisfactions = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;

/**
 * The public statuses of a case. The case machines' states are exactly
 * these (plus `new`, before a case exists); a test holds them together.
 */
export const caseStatuses = [
  'received', 'accepted', 'assigned', 'acknowledged', 'site-check', 'in-progress', 'resolved',
  'declined', 'answered', 'followed-up', 'closed', 'withdrawn', 'merged',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const statusGroups = ['open', 'answered', 'closed'] as const;
export type StatusGroup = (typeof statusGroups)[number];

/** The public grouping shown to citizens and counted by supervisors. */
export const statusGroupOf: Readonly<Record<CaseStatus, StatusGroup>> = {
  received: 'open',
  accepted: 'open',
  assigned: 'open',
  acknowledged: 'open',
  'site-check': 'open',
  'in-progress': 'open',
  resolved: 'open',
  declined: 'open',
  answered: 'answered',
  'followed-up': 'answered',
  closed: 'closed',
  withdrawn: 'closed',
  merged: 'closed',
};

export const isCaseStatus = (value: string): value is CaseStatus => Object.hasOwn(statusGroupOf, value);
