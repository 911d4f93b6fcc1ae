import type { CaseAction } from '../../contracts/case/commands.js';
import type { Principal } from '../../contracts/identity.js';
import type { GeneratedTown } from './directory.js';
import type { PlanContext, Step } from './plan.js';
import type { Random } from './random.js';
import { declineReasons, findings, progressNotes, replies, resolutions } from './words.js';

const HOUR = 3_600_000;

/** How a case ends (or where it stands when the history stops). */
export type Fate =
  | 'closed' | 'closed-without-follow-up' | 'reopened' | 'poor-close' | 'declined' | 'withdrawn' | 'stalled' | 'answered';

export interface WorkInput {
  fate: Fate;
  caseId: string;
  town: GeneratedTown;
  stationDeputies: string[];
  agency: string;
  entryAt: number;
  replyDueBy: number;
  siteCheckLikely: boolean;
  key: (n: number) => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Everything after receipt, in time order: triage, assignment, a first
 * reply (late for about one case in six, and then often escalated), the
 * work (site checks, referrals, progress), the answer, the follow-up call
 * and closure — cut short by the case's fate.
 */
export function followThrough(ctx: PlanContext, rng: Random, input: WorkInput): { steps: Step[]; answeredAt?: number } {
  const { fate, caseId, town, key } = input;
  const steps: Step[] = [];
  let t = input.entryAt;
  let n = 0;
  // Never backwards: a case's commands keep the order they were planned in.
  const later = (minHours: number, maxHours: number) => (t += Math.round(rng.between(minHours, Math.max(minHours, maxHours)) * HOUR));
  const step = (who: Principal, action: CaseAction, data: Record<string, unknown> = {}) => {
    steps.push({ at: t, who, caseId, action, data, key: key(n++) });
  };
  const deputy = (id: string) => ctx.directory.deputyPrincipal(id);
  const { staff, supervisor } = town;
  const done = (answeredAt?: number) => ({ steps: steps.filter((s) => s.at < ctx.to), ...(answeredAt === undefined || answeredAt >= ctx.to ? {} : { answeredAt }) });

  if (fate === 'declined') {
    later(0.5, 24);
    step(staff, 'decline', { ...rng.pick(declineReasons) });
    later(0.2, 24);
    step(staff, 'give-feedback', { method: 'phone', summary: '电话告知选民办理渠道和所需材料。' });
    const answeredAt = t;
    if (rng.chance(0.5)) {
      later(24, 120);
      step(staff, 'record-follow-up', { resolved: true, satisfaction: 'basically-satisfied' });
    }
    if (rng.chance(0.8)) {
      later(1, 48);
      step(staff, 'close');
    }
    return done(answeredAt);
  }

  if (rng.chance(0.2)) {
    later(0.1, 4);
    step(staff, 'accept');
  }
  let assigned = rng.some(input.stationDeputies, rng.int(1, 2));
  later(0.2, Math.min(8, (input.replyDueBy - input.entryAt) / HOUR / 3));
  step(rng.chance(0.6) ? supervisor : staff, 'assign', { deputyIds: assigned });
  if (rng.chance(0.05)) {
    const others = input.stationDeputies.filter((id) => id !== assigned[0]);
    if (others.length > 0) {
      later(1, 24);
      assigned = [rng.pick(others)];
      step(supervisor, 'reassign', { deputyIds: assigned, reason: '原承办代表外出学习，改派。' });
    }
  }
  const lead = deputy(assigned[0]!);

  // The first reply: on time for most, after the deadline for some; a late one is often escalated (督办).
  const window = input.replyDueBy - input.entryAt;
  const late = rng.chance(0.18);
  const replyAt = input.entryAt + Math.round(window * (late ? rng.between(1.1, 2.5) : rng.between(0.05, 0.9)));
  if (late && rng.chance(0.5)) {
    t = Math.max(t + HOUR / 10, input.replyDueBy + Math.round(rng.between(0.5, 12) * HOUR));
    step(supervisor, 'escalate', { to: lead.name, reason: '超过答复期限仍未签收，请抓紧办理。', dueBy: iso(t + Math.round(rng.between(2, 5) * 24 * HOUR)) });
  }
  t = Math.max(t + HOUR / 10, replyAt);
  step(lead, 'acknowledge');

  if (fate === 'withdrawn') {
    later(12, 200);
    step(supervisor, 'withdraw', { reason: '选民表示问题已自行协商解决，申请撤回。' });
    return done();
  }
  if (rng.chance(input.siteCheckLikely ? 0.7 : 0.25)) {
    later(0.5, 6);
    const visit = t + Math.round(rng.between(10, 40) * HOUR);
    step(lead, 'schedule-site-check', { at: iso(visit) });
    t = visit + Math.round(rng.between(1, 4) * HOUR);
    step(lead, 'complete-site-check', { findings: rng.pick(findings), participants: { deputyIds: assigned, staff: rng.chance(0.5) ? ['村组干部'] : [] } });
  }
  if (rng.chance(0.35)) {
    later(1, 48);
    step(lead, 'refer', { agency: input.agency });
    if (rng.chance(0.85)) {
      later(24, 240);
      step(lead, 'record-agency-reply', { agency: input.agency, reply: rng.pick(replies) });
    }
  }
  if (rng.chance(0.3)) {
    later(2, 72);
    step(lead, 'note-progress', { text: rng.pick(progressNotes) });
  }
  if (fate === 'stalled') return done();

  const resolveAndAnswer = (outcome: keyof typeof resolutions) => {
    later(2, 96);
    step(lead, 'resolve', { outcome, summary: rng.pick(resolutions[outcome]) });
    later(0.5, 36);
    const teller = assigned.length > 1 && rng.chance(0.3) ? deputy(assigned[1]!) : lead;
    step(teller, 'give-feedback', { method: rng.weighted(['in-person', 'phone', 'sms', 'online'], (m) => (m === 'phone' ? 4 : m === 'in-person' ? 3 : 1)), summary: '向选民反馈办理结果。' });
    return t;
  };
  const outcome = fate === 'poor-close' ? 'partly' : rng.weighted(['done', 'partly', 'explained'] as const, (o) => (o === 'done' ? 7 : 1.5));
  const answeredAt = resolveAndAnswer(outcome);
  if (fate === 'answered') return done(answeredAt);
  if (fate === 'closed-without-follow-up') {
    later(12, 120);
    step(staff, 'close');
    return done(answeredAt);
  }

  // The follow-up call (回访): a poor verdict is closed only by a supervisor, with the reason.
  later(24, 240);
  const poor = fate === 'poor-close' || outcome === 'partly';
  step(staff, 'record-follow-up', poor
    ? { resolved: false, satisfaction: fate === 'poor-close' ? 'unsatisfied' : 'basically-satisfied', comment: '问题还没有彻底解决。' }
    : { resolved: true, satisfaction: rng.chance(0.75) ? 'satisfied' : 'basically-satisfied' });
  later(0.5, 48);
  if (poor) step(supervisor, 'close', { reason: '已尽力协调，剩余问题列入下一年度计划。' });
  else step(staff, 'close');

  if (fate === 'reopened') {
    later(72, 1500);
    step(supervisor, 'reopen', { reason: '问题再次出现，选民再次反映。' });
    resolveAndAnswer('done');
    later(24, 120);
    step(staff, 'record-follow-up', { resolved: true, satisfaction: 'satisfied' });
    later(1, 24);
    step(staff, 'close');
  }
  return done(answeredAt);
}
