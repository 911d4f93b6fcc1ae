import type { CaseListItem } from '../../../../../contracts/case/list.js';

/**
 * What a deputy does next on a case of theirs: acknowledge it, check the
 * site, deal with it, tell the citizen. Statuses where the next step is
 * someone else's (staff follow up, close) are "others' turn".
 */
export type NextStep = 'acknowledge' | 'site-check' | 'handle' | 'feedback' | 'others';

export function nextStep(status: CaseListItem['status']): NextStep {
  switch (status) {
    case 'assigned':
      return 'acknowledge';
    case 'acknowledged':
    case 'site-check':
      return 'site-check';
    case 'in-progress':
      return 'handle';
    case 'resolved':
      return 'feedback';
    default:
      return 'others';
  }
}

const stepOrder: NextStep[] = ['acknowledge', 'site-check', 'feedback', 'handle', 'others'];

/** My turn first (by step), overdue before on time, then the earliest due. */
export function sortWork(items: readonly CaseListItem[]): CaseListItem[] {
  return [...items].sort(
    (a, b) =>
      stepOrder.indexOf(nextStep(a.status)) - stepOrder.indexOf(nextStep(b.status)) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.replyDueBy.localeCompare(b.replyDueBy),
  );
}

/** Split into what waits for me and what waits for others. */
export function splitWork(items: readonly CaseListItem[]): { mine: CaseListItem[]; others: CaseListItem[] } {
  const sorted = sortWork(items);
  return { mine: sorted.filter((c) => nextStep(c.status) !== 'others'), others: sorted.filter((c) => nextStep(c.status) === 'others') };
}
