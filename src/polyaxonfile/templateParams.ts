// Template references in the run section ({{ NAME }}) that no input or output declares. The server accepts such a
// file and the run fails later at compile time (or gets an empty value), so it is flagged before anything is sent.
import { isRecord, type Polyaxonfile } from './parse';
import { type Problem, suggest } from './problems';

/** Names Polyaxon's template context provides besides the inputs and outputs (polyaxon v1.11.3 polyaxonfile/specs/libs). */
const CONTEXT_NAMES = new Set(['globals', 'params', 'connections', 'inputs', 'outputs', 'dag', 'ops', 'init', 'matrix', 'hooks']);
/** Jinja words that are not variables. */
const JINJA_WORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'true', 'false', 'none', 'True', 'False', 'None', 'loop']);

type Path = (string | number)[];

/** Every {{ NAME }} in `run` whose NAME is neither declared in inputs/outputs nor part of Polyaxon's context. */
export function undeclaredTemplateParams(pf: Polyaxonfile): Problem[] {
  const top = pf.data;
  if (!isRecord(top) || !isRecord(top.run)) return [];
  const declared = [...pf.inputs, ...pf.outputs].map((io) => io.name).filter(Boolean);
  const problems: Problem[] = [];
  const visit = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      for (const name of templateNames(value)) {
        if (declared.includes(name) || CONTEXT_NAMES.has(name)) continue;
        const field = fieldName(path);
        problems.push({
          file: pf.file,
          ...pf.locate(path),
          field,
          message: `{{ ${name} }} is used in ${field} but ${name} is not declared in inputs`,
          hint: suggest(name, declared) || `declare it under inputs (- name: ${name}, type: str), or remove it`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(top.run, ['run']);
  return problems;
}

/** The variables each {{ … }} of `text` starts from: not attributes (a.b), filters (| f), or quoted texts. */
export function templateNames(text: string): string[] {
  const names = new Set<string>();
  for (const [, expression] of text.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const bare = expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
    for (const [index, part] of bare.split('|').entries()) {
      // After a pipe the first word is a filter's name; its arguments may still name variables.
      const scan = index === 0 ? part : part.replace(/^\s*[A-Za-z_]\w*/, '');
      for (const match of scan.matchAll(/(?<![.\w])([A-Za-z_]\w*)\b(?!\s*\()/g)) {
        if (!JINJA_WORDS.has(match[1])) names.add(match[1]);
      }
    }
  }
  return [...names];
}

function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}
