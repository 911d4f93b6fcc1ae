import type { Transitions } from './machine.js';
import { beforeAnswer, timerFlags, withMoves } from './table-moves.js';

/**
 * Case workflow v2. Against v1: escalation (督办) is refused once a case is
 * closed, withdrawn or merged; only a case still open can take a merged
 * case in; a merged case is told the answer of the case it went into
 * (FeedbackRelayed); a case under a site check can be reassigned; and a
 * merge's attachment can always be confirmed or taken back. The rules on
 * data (reception time, site-check participants, closing after a poor
 * follow-up, new deadlines, what a case answering for others may not do)
 * are the deciders'.
 */
const bookkeeping: Transitions = { CaseMergeConfirmed: 'stay', CaseDetached: 'stay' };
// A 督办's own due date can pass wherever a 督办 is taken: its mark is taken there too.
const flags: Transitions = { NoteAdded: 'stay', CaseEscalated: 'stay', ...timerFlags, ...bookkeeping };
// A citizen may press (催办) a matter until it is answered.
const open: Transitions = { ...flags, CasePressed: 'stay', CaseAttached: 'stay', CaseWithdrawn: 'withdrawn', CaseMerged: 'merged' };

export const caseTableV2 = withMoves((status): Transitions => {
  switch (status) {
    case 'new':
      return {};
    case 'site-check':
      return { ...open, CaseReassigned: 'assigned' };
    case 'answered':
    case 'followed-up':
      return flags;
    case 'closed':
      return { ...bookkeeping, NoteAdded: 'stay' };
    case 'withdrawn':
      return bookkeeping;
    case 'merged':
      return { ...bookkeeping, FeedbackRelayed: 'stay' };
    default:
      return beforeAnswer.has(status) ? open : {};
  }
});
