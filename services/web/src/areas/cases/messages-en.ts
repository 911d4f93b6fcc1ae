import type { zh } from './messages-zh';

/** The case page's words in English. */
export const en: typeof zh = {
  title: 'Case', back: 'Back', trackingCode: 'Tracking code', facts: 'The case', matter: 'The matter', citizen: 'Raised by',
  phone: 'Phone', address: 'Address', location: 'Place', category: 'Category', urgency: 'Urgency', channel: 'Came by',
  station: 'Station', deputies: 'Deputies on it', receptionDeputies: 'Received by deputies', receivedAt: 'Received',
  replyDueBy: 'Reply due', overdue: 'Overdue', escalated: 'Escalated (督办)', dueIn: '{t} left', presses: 'Pressed by the citizen',
  pressTimes: '{n} times, last {at}', noPress: 'Not yet', merged: 'Cases merged into this one', mergedInto: 'This case was merged into another',
  openMerged: 'Open', nobody: 'Not assigned yet', timeline: 'What was done', timelineEmpty: 'Nothing recorded yet',
  actions: 'What you can do now', noActions: 'Nothing waits for you on this case now',
  refreshed: 'Someone else just changed this case; it now shows the latest. Check it, then try again.', done: 'Done: {action}',
  status: {
    received: 'Received', accepted: 'Accepted', assigned: 'Assigned', acknowledged: 'Acknowledged', 'site-check': 'Site check due',
    'in-progress': 'In progress', resolved: 'Resolved, to tell the citizen', declined: 'Declined', answered: 'Answered', 'followed-up': 'Followed up',
    closed: 'Closed', withdrawn: 'Withdrawn', merged: 'Merged',
  },
  action: {
    accept: 'Accept', assign: 'Assign deputies', reassign: 'Reassign', acknowledge: 'Acknowledge', 'schedule-site-check': 'Plan a site check',
    'complete-site-check': 'Record the site check', refer: 'Refer to an agency', 'record-agency-reply': "Record the agency's reply", 'note-progress': 'Note progress',
    resolve: 'Resolve', decline: 'Decline', 'give-feedback': 'Tell the citizen', 'record-follow-up': 'Record the follow-up', close: 'Close', reopen: 'Reopen',
    withdraw: 'Withdraw', merge: 'Merge into another case', 'add-note': 'Add a note', escalate: 'Escalate (督办)',
  },
  field: {
    note: 'Note', deputyIds: 'Deputies', reason: 'Reason', at: 'When (Beijing time)', findings: 'What was found',
    'participants-deputyIds': 'Deputies who went', 'participants-staff': 'Others who went', agency: 'Agency', reply: "The agency's reply",
    text: 'Text', outcome: 'Outcome', summary: 'Summary', redirectTo: 'Where to turn instead', method: 'How', resolved: 'Was it solved?',
    satisfaction: 'Satisfaction', comment: "The citizen's words", intoCaseId: 'Case to merge into', to: 'To whom', dueBy: 'Deal with it by (Beijing time)',
  },
  hint: {
    'participants-staff': 'Staff and others, by name; separate with commas',
    acknowledge: 'The citizen will see that a deputy has the matter; please deal with it soon.',
    intoCaseId: "The other case's id (from its page address)",
  },
  word: {
    channel: { 'reception-day': 'Reception day', 'home-visit': 'Home visit', 'online-message': 'Online message', appointment: 'Appointment', hotline: 'Hotline' },
    urgency: { emergency: 'Emergency', urgent: 'Urgent', normal: 'Normal', complex: 'Complex' },
    outcome: { done: 'Solved', partly: 'Partly solved', explained: 'Explained' },
    method: { 'in-person': 'in person', phone: 'by phone', sms: 'by SMS', online: 'online' },
    satisfaction: { satisfied: 'satisfied', 'basically-satisfied': 'mostly satisfied', unsatisfied: 'not satisfied' },
    resolved: { true: 'solved', false: 'not solved' },
    deadline: { reply: 'The reply', feedback: 'The feedback', 'follow-up': 'The follow-up' },
  },
  form: {
    send: 'Submit', sending: 'Submitting…', optional: ' (optional)', errEmpty: 'Please fill this in', errPick: 'Please choose at least one',
    errParticipant: 'Please name at least one person who went', errChoose: 'Please choose one', errTooLong: 'Too long; please shorten it',
    errTime: 'Please pick a date and time', noDeputies: 'This station lists no deputies',
  },
  system: 'Huiyin', citizenActor: 'The citizen',
  event: {
    received: '{who} received it ({channel})', accepted: '{who} accepted it', assigned: '{who} assigned it to {deputies}', reassigned: '{who} reassigned it to {deputies}',
    acknowledged: '{who} acknowledged it', siteCheckScheduled: '{who} planned a site check for {at}', siteCheckCompleted: '{who} checked the site (with {people})',
    referred: '{who} referred it to {agency}', agencyReplied: '{agency} replied (recorded by {who})', progress: '{who} noted progress', note: '{who} added a note',
    resolved: '{who} resolved it: {outcome}', declined: '{who} declined it; suggested {to}', feedback: '{who} told the citizen {method}',
    feedbackRelayed: 'The merged case was answered {method}', followUp: '{who} followed up: {resolved}, {satisfaction}', closed: '{who} closed it',
    reopened: '{who} reopened it', withdrawn: '{who} withdrew it', merged: '{who} merged it into another case', attached: 'Another case was merged into this one',
    mergeConfirmed: 'The merge completed', detached: 'The merge was undone', escalated: '{who} escalated it to {to}, due {due}',
    escalatedAuto: '{deadline} went unanswered; escalated automatically', reminder: 'Reminder: {deadline} is due {due}', overdue: '{deadline} is overdue ({due})',
    pressed: 'The citizen pressed for an answer', other: '{who}: {type}',
  },
};
