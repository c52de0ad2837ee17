// One row of `npm run bench`: a figure, the baseline it is compared with (measured in the same run) and its goal.
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** The same figure for the baseline named in `figure`, measured in the same run; null where there is none. */
  baseline: number | null;
  /** value / baseline, or null without a baseline. */
  ratio: number | null;
  /** The goal in words, e.g. "≤ 10× the empty extension". */
  goal: string;
  met: boolean;
}

export function benchRow(r: Omit<BenchRow, 'ratio'>): BenchRow {
  return { ...r, ratio: r.baseline ? r.value / r.baseline : null };
}
