/** One benchmark figure, printed as one JSON line by `npm run bench`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  /** Extra figures that explain the headline (p99, batch sizes, runs). */
  detail?: Record<string, number | string>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratio(result: BenchResult, baseline: BenchResult): number {
  return Math.round((result.value / baseline.value) * 100) / 100;
}

export function withBaseline(result: BenchResult, baseline: BenchResult): BenchResult {
  return { ...result, baseline: { name: baseline.name, value: baseline.value }, ratio: ratio(result, baseline) };
}
