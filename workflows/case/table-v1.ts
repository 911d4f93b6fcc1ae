import type { Transitions } from './machine.js';
import { beforeAnswer, timerFlags, withMoves } from './table-moves.js';

/**
 * Case workflow v1: the rules cases opened before v2 keep until they close.
 * Notes and escalation are flags any status but the ends takes. Attaching
 * a merged case (and confirming or taking back the attachment) is the
 * merge's bookkeeping, which v1 cases take too so that a case can be merged
 * into them; v1 merged cases are not told the answer (no FeedbackRelayed).
 * Their deadlines still pass: the scheduler's marks are taken wherever a
 * 督办 is (its own due date can pass there).
 */
const bookkeeping: Transitions = { CaseMergeConfirmed: 'stay', CaseDetached: 'stay' };
const anyOpenState: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', ...timerFlags, CaseAttached: 'stay', ...bookkeeping };
// Pressing (催办) came after v1 was set, but a citizen presses an old matter like a new one.
const beforeAnswered: Transitions = { ...anyOpenState, CasePressed: 'stay', CaseWithdrawn: 'withdrawn', CaseMerged: 'merged' };

export const caseTableV1 = withMoves((status) => {
  if (status === 'new') return {};
  if (beforeAnswer.has(status)) return beforeAnswered;
  return status === 'withdrawn' || status === 'merged' ? bookkeeping : anyOpenState;
});
