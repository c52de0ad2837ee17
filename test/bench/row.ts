// One row of `npm run bench`: a figure, the baseline it is compared with (measured in the same run) and its goal.
export interface BenchRow {
  figure: string;
  /** null when the figure could not be measured; `notMeasured` says why. */
  value: number | null;
  unit: string;
  /** The same figure for the baseline named in `figure`, measured in the same run; null where there is none. */
  baseline: number | null;
  /** value / baseline, or null without a baseline (or without a value). */
  ratio: number | null;
  /** The goal in words, e.g. "≤ 10× the empty extension". */
  goal: string;
  met: boolean;
  /** Why the figure has no value on this machine (code-server not installed, a measurement that failed…). */
  notMeasured?: string;
}

export function benchRow(r: Omit<BenchRow, 'ratio' | 'notMeasured'> & { value: number }): BenchRow {
  return { ...r, ratio: r.baseline ? r.value / r.baseline : null };
}

/** A figure that could not be measured: printed in the table with its reason, counted as neither met nor missed. */
export function notMeasuredRow(figure: string, goal: string, reason: string): BenchRow {
  return { figure, value: null, unit: '', baseline: null, ratio: null, goal, met: false, notMeasured: reason };
}
