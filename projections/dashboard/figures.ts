import { caseStatuses, channels, statusGroupOf, statusGroups, urgencies, type CaseStatus } from '../../contracts/case/vocabulary.js';
import type { Duration, Figures, Rate } from '../../contracts/dashboard.js';
import { addTo, countOf, quantileOf, type Histogram } from './histogram.js';

/** One row of summed tallies (see schema.ts for the dims). */
export interface TallyRow {
  area: string;
  station: string;
  dim: string;
  value: string;
  n: number;
}

/** One row of a step's histogram (see schema.ts). */
export interface HistogramRow {
  area: string;
  station: string;
  dim: string;
  buckets: string;
}

/**
 * How each rate is computed, said for a person. The three rates' formulas
 * differ between localities, so each carries a version that changes with it.
 */
export const formulas = {
  response: {
    version: 1,
    en: 'Reply deadlines that fell in the period and have passed, met by a first reply (a deputy acknowledging the matter, or feedback to the citizen) by the deadline ÷ reply deadlines that fell in the period and have passed. A deadline counts once its hour has ended; a reopened matter’s new deadline counts again; the deadline of a case withdrawn or merged before it does not count.',
    zh: '期内已到期、并在时限内首次答复（代表签收或向群众反馈）的答复时限数 ÷ 期内已到期的答复时限数。时限所在的小时结束后计入；重新办理的事项按新时限再计一次；在时限前撤回或并单的案件不计。',
  },
  resolution: {
    version: 1,
    en: 'Follow-ups recorded in the period in which the citizen said the matter was resolved ÷ follow-ups recorded in the period.',
    zh: '期内回访中群众表示已解决的次数 ÷ 期内回访次数。',
  },
  satisfaction: {
    version: 1,
    en: 'Follow-ups recorded in the period rated satisfied or basically satisfied ÷ follow-ups recorded in the period.',
    zh: '期内回访中评价为满意或基本满意的次数 ÷ 期内回访次数。',
  },
} as const;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The summed tallies of one scope: the whole answer, one child area, or one station. */
/** Adds a row's count to its value's total. */
const bump = (totals: Map<string, number>, row: TallyRow): void => void totals.set(row.value, (totals.get(row.value) ?? 0) + row.n);

export class FigureTally {
  readonly status = new Map<string, number>();
  /** Cases received, by channel, by urgency and by category. */
  readonly channel = new Map<string, number>();
  readonly urgency = new Map<string, number>();
  readonly category = new Map<string, number>();
  /** resolved|satisfaction → follow-ups. */
  readonly followups = new Map<string, number>();
  readonly hours: Record<'acknowledge' | 'feedback' | 'close', Histogram> = { acknowledge: new Map(), feedback: new Map(), close: new Map() };
  due = 0;
  met = 0;
  done = 0;
  answered = 0;
  open = 0;
  escalated = 0;
  overdue = 0;

  add(row: TallyRow): void {
    switch (row.dim) {
      case 'status':
        return bump(this.status, row);
      case 'channel':
        return bump(this.channel, row);
      case 'urgency':
        return bump(this.urgency, row);
      case 'category':
        return bump(this.category, row);
      case 'followup':
        return bump(this.followups, row);
      case 'due':
        return void (this.due += row.n);
      case 'met':
        return void (this.met += row.n);
      case 'done':
        return void (this.done += row.n);
      case 'answered':
        return void (this.answered += row.n);
      case 'open':
        return void (this.open += row.n);
      case 'escalated':
        return void (this.escalated += row.n);
      case 'overdue':
        return void (this.overdue += row.n);
      default:
    }
  }

  /** A step's histogram row: its buckets' counts added to the step's. */
  addHistogram(row: HistogramRow): void {
    const histogram = Object.hasOwn(this.hours, row.dim) ? this.hours[row.dim as keyof FigureTally['hours']] : undefined;
    if (!histogram) return;
    const counts = JSON.parse(row.buckets) as Record<string, number>;
    for (const bucket in counts) addTo(histogram, Number(bucket), counts[bucket]!);
  }

  /** Cases received by channel (for the totals). */
  byChannel(): Record<(typeof channels)[number], number> {
    const counts = zeros(channels);
    for (const [channel, n] of this.channel) if (Object.hasOwn(counts, channel)) counts[channel as (typeof channels)[number]] += n;
    return counts;
  }
}

function rateOf(numerator: number, denominator: number, formula: Rate['formula'], minSample: number): Rate {
  if (denominator < minSample) return { value: null, numerator, denominator, formula, insufficientData: true };
  return { value: Math.round((numerator / denominator) * 10_000) / 10_000, numerator, denominator, formula };
}

function durationOf(histogram: Histogram, minSample: number): Duration {
  const count = countOf(histogram);
  if (count < minSample) return { median: null, p90: null, count, insufficientData: true };
  return { median: quantileOf(histogram, 0.5), p90: quantileOf(histogram, 0.9), count };
}

/** The figures a tally stands for, rates and durations withheld under `minSample`. */
export function figuresOf(t: FigureTally, minSample: number): Figures {
  const byStatus = zeros(caseStatuses);
  const byGroup = zeros(statusGroups);
  let total = 0;
  for (const [status, n] of t.status) {
    if (!Object.hasOwn(byStatus, status)) continue;
    byStatus[status as CaseStatus] += n;
    byGroup[statusGroupOf[status as CaseStatus]] += n;
    total += n;
  }
  const byUrgency = zeros(urgencies);
  for (const [urgency, n] of t.urgency) if (Object.hasOwn(byUrgency, urgency)) byUrgency[urgency as (typeof urgencies)[number]] += n;
  const byCategory = Object.fromEntries(t.category);
  let followups = 0;
  let resolved = 0;
  let satisfied = 0;
  for (const [key, n] of t.followups) {
    followups += n;
    if (key.startsWith('resolved|')) resolved += n;
    if (key.endsWith('|satisfied') || key.endsWith('|basically-satisfied')) satisfied += n;
  }
  return {
    cases: { total, byGroup, byStatus, byCategory, byChannel: t.byChannel(), byUrgency },
    rates: {
      response: rateOf(t.met, t.due, formulas.response, minSample),
      resolution: rateOf(resolved, followups, formulas.resolution, minSample),
      satisfaction: rateOf(satisfied, followups, formulas.satisfaction, minSample),
    },
    hours: {
      toAcknowledge: durationOf(t.hours.acknowledge, minSample),
      toFeedback: durationOf(t.hours.feedback, minSample),
      toClose: durationOf(t.hours.close, minSample),
    },
    openNow: t.open,
    overdueNow: t.overdue,
    escalatedNow: t.escalated,
  };
}
