// The part of Polyaxon's query language and sorting the extension uses
// (core/polyaxon/pql/parser.py, platform/coredb/coredb/query_managers/run.py).
import type { StoredRun } from './store';

type Getter = (run: StoredRun) => unknown;

/** Fields of RunQueryManager.FIELDS_PROXY / FIELDS_USE_UUID / … that this fake can evaluate. */
const FIELDS: Record<string, Getter> = {
  uuid: (r) => r.uuid,
  id: (r) => r.uuid,
  name: (r) => r.name,
  description: (r) => r.description,
  kind: (r) => r.kind,
  runtime: (r) => r.runtime,
  status: (r) => r.status,
  tags: (r) => r.tags,
  user: () => null,
  project: (r) => r.project,
  created_at: (r) => r.created_at,
  updated_at: (r) => r.updated_at,
  started_at: (r) => r.started_at,
  finished_at: (r) => r.finished_at,
  duration: (r) => r.duration,
  wait_time: (r) => r.wait_time,
  live_state: (r) => r.live_state,
  pipeline: (r) => (r.pipeline as { uuid?: string } | null)?.uuid,
  original: (r) => r.original?.uuid,
  is_managed: (r) => r.is_managed,
  pending: (r) => r.pending,
};

/** Prefixed fields: `inputs.X` (aliases `params.X`, `in.X`), `outputs.X`, `meta_info.X`. */
function prefixedGetter(field: string): Getter | undefined {
  const [head, ...rest] = field.split('.');
  const key = rest.join('.');
  if (!key) return undefined;
  if (head === 'inputs' || head === 'params' || head === 'in') return (r) => r.inputs?.[key];
  if (head === 'outputs' || head === 'out') return (r) => r.outputs?.[key];
  if (head === 'meta_info' || head === 'meta_flags') return (r) => r.meta_info?.[key];
  return undefined;
}

export class QueryError extends Error {}

type Predicate = (run: StoredRun) => boolean;

/** `field:op, field:op` → a predicate (AND). Throws QueryError with the recorded 400 messages. */
export function parseQuery(query: string | null): Predicate {
  if (!query || !query.trim()) return () => true;
  const predicates = query
    .split(',')
    .map((expr) => expr.trim())
    .filter(Boolean)
    .map(parseExpression);
  return (run) => predicates.every((p) => p(run));
}

function parseExpression(expr: string): Predicate {
  const colon = expr.indexOf(':');
  if (colon < 0) {
    throw new QueryError(`Expression is not valid, it must be formatted as name:operation, Expression: ${expr}`);
  }
  const field = expr.slice(0, colon).trim();
  let operation = expr.slice(colon + 1).trim();
  const get = FIELDS[field] ?? prefixedGetter(field);
  if (!get) throw new QueryError(`key \`${field}\` is not supported by the query manager \`run\`.`);
  const negate = operation.startsWith('~');
  if (negate) operation = operation.slice(1).trim();
  const test = parseOperation(operation);
  return (run) => test(get(run)) !== negate;
}

function parseOperation(operation: string): (value: unknown) => boolean {
  const range = /^(.+)\.\.(.+)$/.exec(operation);
  if (range) return (v) => v != null && compare(v, range[1]) >= 0 && compare(v, range[2]) <= 0;
  const cmp = /^(<=|>=|<|>)(.+)$/.exec(operation);
  if (cmp) {
    const [, op, operand] = cmp;
    return (v) => {
      if (v == null) return false;
      const c = compare(v, operand);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    };
  }
  if (operation === 'nil') return (v) => v == null;
  const values = operation.split('|').map((s) => s.trim());
  return (v) => values.some((pattern) => matches(v, pattern));
}

/** Equality, or a search with `%` wildcards (PQL search operations, used by `name`). Lists (tags) match any item. */
function matches(value: unknown, pattern: string): boolean {
  if (Array.isArray(value)) return value.some((item) => matches(item, pattern));
  if (value == null) return false;
  const text = String(value);
  if (pattern.includes('%')) {
    const re = new RegExp(
      `^${pattern
        .split('%')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
      'i',
    );
    return re.test(text);
  }
  return text === pattern;
}

function compare(value: unknown, operand: string): number {
  if (typeof value === 'number') return value - Number(operand);
  const a = Date.parse(String(value));
  const b = Date.parse(operand);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  return String(value).localeCompare(operand);
}

const SORTABLE = new Set([
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
  'name',
  'kind',
  'runtime',
  'uuid',
  'duration',
  'wait_time',
  'status',
]);

/**
 * `sort=-created_at,name`; unknown fields are ignored (recorded: 200, no error). Default `-updated_at`
 * (RunQueryManager.FIELDS_DEFAULT_ORDERING). NULLs sort as the largest values, as in PostgreSQL.
 */
export function sortRuns(runs: StoredRun[], sort: string | null): StoredRun[] {
  const keys = (sort ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => SORTABLE.has(s.replace(/^-/, '')));
  if (!keys.length) keys.push('-updated_at');
  return [...runs].sort((a, b) => {
    for (const key of keys) {
      const desc = key.startsWith('-');
      const field = key.replace(/^-/, '') as keyof StoredRun;
      const c = compareNullable(a[field], b[field]);
      if (c) return desc ? -c : c;
    }
    return 0;
  });
}

function compareNullable(a: unknown, b: unknown): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
