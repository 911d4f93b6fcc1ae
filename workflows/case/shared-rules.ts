import { HuiyinError } from '../../contracts/errors.js';
import { chinaDateOf } from '../../contracts/time.js';
import type { CaseContext } from './context.js';
import { invalid, type CaseRules } from './rule-kit.js';

const chinaDate = (iso: string) => chinaDateOf(Date.parse(iso));

/** Whether the citizen pressed the matter on the China day of `now` already: "once a day" is the citizen's day. */
export function pressedToday(c: CaseContext, now: string): boolean {
  const last = c.presses.at(-1);
  return last !== undefined && chinaDate(last.at) === chinaDate(now);
}

/**
 * A case that answers for others stays live: it can be neither withdrawn
 * nor merged itself, so of any two cases merged together one is always
 * live. While a merge into it is under way it cannot close either, so a
 * merge never lands on a case that has stopped taking them.
 */
function refuseWhileAnswering(command: string, c: CaseContext, alsoPending: boolean): void {
  if (c.pendingMerges.length > 0) {
    throw new HuiyinError('CASE.MERGE_IN_PROGRESS', `a merge into this case is under way (${c.pendingMerges.join(', ')}); try again shortly`, {
      pendingMerges: c.pendingMerges,
    });
  }
  if (alsoPending && c.mergedCases.length > 0) {
    throw new HuiyinError('CASE.HAS_MERGED_CASES', `${command}: other cases were merged into this one (${c.mergedCases.join(', ')}); it answers for them`, {
      mergedCases: c.mergedCases,
    });
  }
}

/** Rules every version keeps: the merge's invariants hold for old cases too. */
export const sharedRules: CaseRules = {
  merge: (command, { context: c }) => {
    if (command.data.intoCaseId === c.caseId) throw invalid('merge', 'intoCaseId', 'a case cannot be merged into itself');
    refuseWhileAnswering('merge', c, true);
  },
  withdraw: (_command, { context: c }) => refuseWhileAnswering('withdraw', c, true),
  close: (_command, { context: c }) => refuseWhileAnswering('close', c, false),
  reassign: (command, { context: c }) => {
    // The first deputy leads: the same deputies under a new lead is a real reassignment.
    const { deputyIds } = command.data;
    const same = deputyIds.length === c.deputyIds.length && deputyIds[0] === c.deputyIds[0] && deputyIds.every((id) => c.deputyIds.includes(id));
    if (same) throw invalid('reassign', 'deputyIds', 'the case is already assigned to exactly these deputies');
  },
  attach: (command, { context: c }) => {
    const { caseId } = command.data;
    if (caseId === c.caseId) throw invalid('attach', 'caseId', 'a case cannot be merged into itself');
    if (c.pendingMerges.includes(caseId) || c.mergedCases.includes(caseId)) {
      throw invalid('attach', 'caseId', 'that case is already merged into this one');
    }
    if (c.mergedInto !== null) throw invalid('attach', 'caseId', 'this case was itself merged');
  },
  press: (_command, { context: c }, context) => {
    if (context.actor.role !== 'citizen') throw new HuiyinError('AUTH.FORBIDDEN', 'only the citizen presses a matter, through the online station', { action: 'press' });
    if (pressedToday(c, context.occurredAt)) {
      const tomorrow = Date.parse(`${chinaDate(context.occurredAt)}T00:00:00+08:00`) + 86_400_000;
      const retryAfterSeconds = Math.ceil((tomorrow - Date.parse(context.occurredAt)) / 1000);
      throw new HuiyinError('CASE.ALREADY_PRESSED', 'this matter was pressed today already; it can be pressed again tomorrow', { lastPressedAt: c.presses.at(-1)!.at, retryAfterSeconds });
    }
  },
  'confirm-merge': (command, { context: c }) => {
    if (!c.pendingMerges.includes(command.data.caseId)) throw invalid('confirm-merge', 'caseId', 'no merge of that case is under way');
  },
  detach: (command, { context: c }) => {
    const { caseId } = command.data;
    if (!c.pendingMerges.includes(caseId) && !c.mergedCases.includes(caseId)) {
      throw invalid('detach', 'caseId', 'that case is not merged into this one');
    }
  },
};

