import { HOUR, planCase, type PlanContext, type Step } from './plan.js';
import { Random } from './random.js';

/** Cases written together by one worker, in time order: one case, or a case and a duplicate merged into it. */
export interface Unit {
  steps: Step[];
  cases: number;
}

/** About one unit in twenty-five has a second visitor raising the same matter, merged (并单) into the first. */
const DUPLICATE_CHANCE = 0.04;

/**
 * The unit numbered `unitNo`, its cases numbered from `firstCase`. Its
 * random source comes from the seed and the unit's number only, so units
 * can be written in any order, many at a time, and still give the same
 * events. A merge touches two cases, so both are written by one worker:
 * each case's events then come in one order on every run.
 */
export function planUnit(ctx: PlanContext, unitNo: number, firstCase: number, casesLeft: number): Unit {
  const rng = new Random('generate', ctx.seed, unitNo);
  const duplicate = casesLeft >= 2 && rng.chance(DUPLICATE_CHANCE);
  const target = planCase(ctx, rng, firstCase, undefined, duplicate ? 'closed' : undefined);
  if (!duplicate) return { steps: target.steps, cases: 1 };
  // The duplicate comes in, and is merged, while the first case is still open.
  const open = (target.answeredAt ?? ctx.to) - target.entryAt;
  const receivedAt = target.entryAt + Math.round(open * rng.between(0.1, 0.4));
  const copy = planCase(ctx, rng, firstCase + 1, { ...target, receivedAt });
  const mergeAt = copy.entryAt + Math.max(HOUR / 10, Math.round(open * rng.between(0.1, 0.3)));
  const steps = [...target.steps, ...copy.steps];
  if (mergeAt < Math.min(target.answeredAt ?? ctx.to, ctx.to)) {
    steps.push({
      at: mergeAt, who: target.town.supervisor, caseId: copy.caseId, action: 'merge',
      data: { intoCaseId: target.caseId }, key: `generate:${ctx.seed}:${firstCase + 1}:merge`,
    });
  }
  // A stable sort: a case's own steps are already in order.
  steps.sort((a, b) => a.at - b.at);
  return { steps: steps.filter((s) => s.at < ctx.to), cases: 2 };
}
