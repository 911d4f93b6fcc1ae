/**
 * Durations kept as counts in log-spaced buckets, so the median and 90th
 * percentile of any period and scope come from summed counts instead of
 * every case's figure. Each bucket spans a factor of 1.05 and is reported
 * at its geometric middle: a reported quantile lies within 2.5% of the true
 * value (under a minute counts as 0 h). A year is about 270 buckets.
 */
const RATIO = 1.05;
const LOG_RATIO = Math.log(RATIO);
const MINUTE_HOURS = 1 / 60;

/** Bucket 0 holds durations under a minute; bucket b ≥ 1 holds [1.05^(b-1), 1.05^b) minutes. */
export function bucketOf(hours: number): number {
  if (!(hours >= MINUTE_HOURS)) return 0;
  return 1 + Math.floor(Math.log(hours / MINUTE_HOURS) / LOG_RATIO + 1e-9);
}

/** The hours a bucket stands for: its geometric middle. */
export function hoursOf(bucket: number): number {
  if (bucket <= 0) return 0;
  return MINUTE_HOURS * Math.pow(RATIO, bucket - 0.5);
}

/** bucket → count. */
export type Histogram = Map<number, number>;

export function addTo(histogram: Histogram, bucket: number, count: number): void {
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
}

export const countOf = (histogram: Histogram): number => {
  let total = 0;
  for (const n of histogram.values()) total += n;
  return total;
};

/**
 * The q-quantile (nearest rank: the smallest value with at least q of the
 * sample at or below it), in hours rounded to a tenth; null for no sample.
 */
export function quantileOf(histogram: Histogram, q: number): number | null {
  const total = countOf(histogram);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) return Math.round(hoursOf(bucket) * 10) / 10;
  }
  return null;
}
