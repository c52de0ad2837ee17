/** Where a problem is: 1-based line and column in the polyaxonfile. */
export interface Position {
  line: number;
  column: number;
}

/** One thing wrong with a polyaxonfile or with the params given for it. */
export interface Problem extends Position {
  file: string;
  /** The field to change, e.g. `run.ports`, `inputs[1].type`, `params.WORKING_DIR`. */
  field: string;
  message: string;
  /** What to do about it. */
  hint: string;
}

/** `file:line:column: message — hint`, the shape editors and terminals turn into links. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

export class PolyaxonfileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolyaxonfileError';
  }
}

/** `did you mean `x`?` for the candidate closest to `name`, or '' when none is close. */
export function suggest(name: string, candidates: readonly string[]): string {
  const best = closest(name, candidates);
  return best === undefined ? '' : `did you mean '${best}'?`;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.ceil(name.length * 0.4)) ? best : undefined;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
