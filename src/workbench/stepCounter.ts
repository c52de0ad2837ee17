// The "(2/3)" a form's title shows, counted across the whole form: a form that continues earlier steps (Configure
// Connection's project pick after its host and token boxes) goes on counting, and a one-step pick shows none.

/** Steps shown before this form, and the whole form's count. */
export interface Continues {
  before: number;
  total: number;
}

/** The counter of step `index` (1-based) of `count`; undefined where a counter says nothing (`1/1`). */
export function stepCounter(index: number, count: number, continues?: Continues): { step: number; total: number } | undefined {
  const step = index + (continues?.before ?? 0);
  const total = Math.max(continues?.total ?? count, step);
  return total > 1 ? { step, total } : undefined;
}
