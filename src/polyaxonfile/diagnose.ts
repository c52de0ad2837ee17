// Problems of a polyaxonfile as editor diagnostics: which files are checked, and the range each problem covers.
// No VS Code API: the UI turns each Diagnosis into a vscode.Diagnostic.
import { checkPolyaxonfile } from './check';
import { parsePolyaxonfile } from './parse';
import { PolyaxonfileError, type Problem } from './problems';

export interface Diagnosis {
  /** 0-based, as editors count. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  field: string;
}

/**
 * A YAML file is taken for a polyaxonfile when it sits in a polyaxonfiles folder or says kind: component.
 * Only service polyaxonfiles (or ones too broken to tell) are checked: a job's file is not this extension's business.
 */
export function looksLikePolyaxonfile(file: string, text: string): boolean {
  if (!/\.ya?ml$/i.test(file)) return false;
  return file.split(/[\\/]/).slice(0, -1).includes('polyaxonfiles') || /^kind:\s*["']?component["']?\s*(#.*)?$/m.test(text);
}

/** Every problem of the text as a service polyaxonfile, with ranges; [] for a good file or for another run kind. */
export function diagnosePolyaxonfile(text: string, file: string): Diagnosis[] {
  let problems: Problem[];
  try {
    const pf = parsePolyaxonfile(text, file);
    if (pf.runKind !== undefined && pf.runKind !== 'service') return [];
    problems = checkPolyaxonfile(pf);
  } catch (e) {
    if (!(e instanceof PolyaxonfileError)) throw e;
    problems = e.problems;
  }
  const lines = text.split(/\r?\n/);
  return problems.map((p) => toDiagnosis(p, lines));
}

/** From the problem's 1-based position to the end of the word there (a key, a scalar), at least one character. */
function toDiagnosis(p: Problem, lines: readonly string[]): Diagnosis {
  const line = Math.min(Math.max(0, p.line - 1), Math.max(0, lines.length - 1));
  const text = lines[line] ?? '';
  const start = Math.min(Math.max(0, p.column - 1), text.length);
  const word = /^("[^"]*"|'[^']*'|[^\s:,#\]}]+)/.exec(text.slice(start))?.[0] ?? '';
  const end = word ? start + word.length : Math.max(start + 1, text.length);
  return {
    startLine: line,
    startColumn: start,
    endLine: line,
    endColumn: end,
    message: p.hint ? `${p.message} (${p.hint})` : p.message,
    field: p.field,
  };
}
