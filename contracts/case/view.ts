import { z } from 'zod';
import { actorSchema } from '../actor.js';
import { caseEventContracts as e } from './events.js';
import { deadlineKinds, timerActions } from './timers.js';
import { caseStatuses, statusGroups } from './vocabulary.js';

/**
 * A case as a client reads it (`GET /api/cases/{id}` and every action's
 * answer). Used as the routes' response schema, so a field not declared
 * here never leaves the service.
 */
const stamp = { at: z.string(), by: actorSchema };
const stamped = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...stamp });
const received = e.CaseReceived.schema.shape;
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const caseViewSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.enum(caseStatuses),
  statusGroup: z.enum(statusGroups),
  /** The rules this case runs under: the workflow version it was opened with. */
  workflowVersion: z.number().int(),
  revision: z.number().int(),
  stationId: z.string(),
  areaCode: z.string(),
  channel: received.channel,
  category: z.string(),
  categoryName: z.string(),
  summary: z.string(),
  urgency: received.urgency,
  constituent: received.constituent,
  location: received.location.unwrap().nullable(),
  receivedAt: z.string(),
  /** When and by whom the case was entered (receivedAt is when the visit happened). */
  recordedAt: z.string(),
  receivedBy: actorSchema,
  receptionDeputyIds: z.array(z.string()),
  /** The reply deadline now in force: a reopened case's is counted from the reopening. */
  replyDueBy: z.string(),
  deputyIds: z.array(z.string()),
  escalated: z.boolean(),
  accepted: nullable(z.object(stamp)),
  acknowledged: nullable(z.object(stamp)),
  siteCheck: nullable(z.object({ scheduledAt: z.string(), completed: nullable(stamped(e.SiteCheckCompleted.schema.shape)) })),
  referrals: z.array(stamped({ ...e.CaseReferred.schema.shape, replies: z.array(stamped({ reply: z.string() })) })),
  progressNotes: z.array(stamped(e.ProgressNoted.schema.shape)),
  resolution: nullable(stamped(e.CaseResolved.schema.shape)),
  declined: nullable(stamped(e.CaseDeclined.schema.shape)),
  feedback: nullable(stamped(e.FeedbackGiven.schema.shape)),
  followUp: nullable(stamped(e.FollowUpRecorded.schema.shape)),
  closed: nullable(stamped(e.CaseClosed.schema.shape)),
  reopenings: z.array(stamped(e.CaseReopened.schema.shape)),
  withdrawn: nullable(stamped(e.CaseWithdrawn.schema.shape)),
  mergedInto: z.string().nullable(),
  /** Cases merged into this one: its answer is theirs too. */
  mergedCases: z.array(z.string()),
  /** For a merged case: the feedback given on the case it was merged into. */
  relayedFeedback: z.array(stamped(e.FeedbackRelayed.schema.shape)),
  escalations: z.array(stamped(e.CaseEscalated.schema.shape)),
  notes: z.array(stamped(e.NoteAdded.schema.shape)),
  /** Each time the citizen pressed (催办) the matter through the online station. */
  presses: z.array(stamped(e.CasePressed.schema.shape)),
  /** What Huiyin will do by itself, and when, unless the case is answered first: reminders, overdue marks, escalation. */
  timers: z.array(z.object({ deadline: z.enum(deadlineKinds), action: z.enum(timerActions), at: z.string(), dueBy: z.string(), setAt: z.string() })),
  /** Deadlines that passed unanswered. */
  wentOverdue: z.array(stamped(e.CaseWentOverdue.schema.shape)),
  lastActivityAt: z.string().nullable(),
  /** What the caller may do now: the workflow's allowed actions within the caller's rights. */
  allowedActions: z.array(z.string()),
  /** After a command: the log position of its last event, for read-your-writes. */
  position: z.number().int().optional(),
});
export type CaseView = z.infer<typeof caseViewSchema>;
