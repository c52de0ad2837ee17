// What the CE API does with a POSTed operation (platform/coredb/coredb/api/project_resources/serializers.py
// OperationCreateSerializer + the eager scheduler's compile/resolve), reduced to what the recordings show.
import { isObj, type Obj, type ParsedOperation } from './read-operation';

export interface RunContext {
  uuid: string;
  owner: string;
  project: string;
  namespace: string;
  /** v2 puts the port in the service base URL (API.md §3). */
  v2: boolean;
  /** false: store the operation unresolved, as v2 does for a run managed_by `user` (run-create.vscode.managed-by-user.json). */
  resolve?: boolean;
}

export interface Compiled {
  name: string | null;
  description: string | null;
  tags: string[] | null;
  kind: string;
  /** Literal params, `inputs` of the run (run-get.*.json). */
  inputs: Obj;
  /** The compiled_operation as a JSON string: resolved, or unresolved with `contexts: []` when compiling failed. */
  content: string;
  /** "Failed to compile.\n…" when the scheduler would fail the run (run-statuses.unknown-*.failed.json). */
  failure?: string;
  rewritePath: boolean;
  ports: number[];
}

/** Connections in the chart's agent catalog used for the recordings (recorded/README.md). */
const CONNECTION_CATALOG = new Set(['fstore-pvc', 'polyaxon-artifacts']);

/** Python's repr of a set of strings, as used in Polyaxon's messages: {'A', 'B'}. */
const pySet = (items: string[]): string => `{${items.map((i) => `'${i}'`).join(', ')}}`;

export function compileOperation({ op, component }: ParsedOperation, ctx: RunContext): Compiled {
  const run = patchRun(component.run as Obj, op.runPatch);
  const params = isObj(op.params) ? op.params : {};
  const literal: Obj = {};
  for (const [k, p] of Object.entries(params)) literal[k] = isObj(p) ? p.value : p;
  const declared = Array.isArray(component.inputs) ? component.inputs.filter(isObj) : [];
  const ports = Array.isArray(run.ports) ? run.ports.map(Number) : [];
  const rewritePath = run.kind === 'service' && run.rewritePath === true;

  const failure = ctx.resolve === false ? undefined : compileFailure(Object.keys(literal), declared, run, ctx.v2);
  const inputs = declared.map((io) => {
    const { name, description, type, value, ...rest } = io;
    const resolvedValue = !failure && ctx.resolve !== false && String(name) in literal ? literal[String(name)] : value;
    return omitUndefined({ name, description, type, value: resolvedValue, ...rest });
  });
  const header = omitUndefined({
    version: op.version ?? component.version ?? 1.1,
    kind: 'compiled_operation',
    name: op.name ?? component.name,
    description: op.description ?? component.description,
    tags: op.tags ?? component.tags,
    inputs: declared.length ? inputs : undefined,
  });

  let content: Obj;
  if (failure || ctx.resolve === false) {
    content = { ...header, contexts: [], run }; // unresolved, as in run-get.unknown-param.failed.json
  } else {
    const globals = serviceGlobals(ctx, run.kind === 'service', rewritePath, ports);
    const scope: Obj = { globals, params: Object.fromEntries(inputs.map((i) => [i.name, { value: i.value }])) };
    for (const i of inputs) scope[String(i.name)] = i.value;
    content = { ...header, run: numericCpu(render(withInit(run), scope)) };
  }
  return {
    name: (op.name ?? component.name ?? null) as string | null,
    description: (op.description ?? component.description ?? null) as string | null,
    tags: (op.tags ?? component.tags ?? null) as string[] | null,
    kind: String(run.kind),
    inputs: literal,
    content: JSON.stringify(content),
    failure,
    rewritePath,
    ports,
  };
}

/**
 * The operation's runPatch merged into the component's run, as the compiler does (polyaxon/polyaxon
 * core/polyaxon/polyaxonfile/specs/operation.py generate_run_data: `{run: runPatch}` comes after the component and the
 * values are deep-merged in order): objects merge key by key, anything else is replaced.
 */
function patchRun(run: Obj, patch: unknown): Obj {
  const merge = (base: unknown, over: unknown): unknown =>
    isObj(base) && isObj(over) ? { ...base, ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, merge(base[k], v)])) } : over;
  return isObj(patch) ? (merge(run, patch) as Obj) : run;
}

/** The base URL a service is told (core/polyaxon/polypod/compiler/contexts/service.py; v2 appends the port). */
function serviceBaseUrl(ctx: RunContext, rewritePath: boolean, port: number | undefined): string {
  const prefix = rewritePath ? 'rewrite-services/v1' : 'services/v1';
  const base = `/${prefix}/${ctx.namespace}/${ctx.owner}/${ctx.project}/runs/${ctx.uuid}`;
  return ctx.v2 && port !== undefined ? `${base}/${port}` : base;
}

function compileFailure(paramNames: string[], declared: Obj[], run: Obj, v2: boolean): string | undefined {
  const known = new Set(declared.map((i) => String(i.name)));
  const unexpected = paramNames.filter((p) => !known.has(p));
  if (unexpected.length) return `Failed to compile.\nCompilation Error: Received unexpected params \`${pySet(unexpected)}\``;
  const connections = Array.isArray(run.connections) ? run.connections.map(String) : [];
  const missing = connections.filter((c) => !CONNECTION_CATALOG.has(c));
  if (missing.length) {
    // v2 writes "connection" in lower case (recorded-v2 run-statuses.unknown-connection.failed.json).
    const refs = v2 ? 'connection refs' : 'Connection refs';
    return `Failed to compile.\nSome ${refs} were provided but were not found in the agent.connections catalog: \`${pySet(missing)}\``;
  }
  return undefined;
}

function serviceGlobals(ctx: RunContext, isService: boolean, rewritePath: boolean, ports: number[]): Obj {
  const artifacts = '/plx-context/artifacts';
  const globals: Obj = {
    owner_name: ctx.owner,
    project_name: ctx.project,
    project_unique_name: `${ctx.owner}.${ctx.project}`,
    run_info: `${ctx.owner}.${ctx.project}.runs.${ctx.uuid}`,
    uuid: ctx.uuid,
    namespace: ctx.namespace,
    context_path: '/plx-context',
    artifacts_path: artifacts,
    run_artifacts_path: `${artifacts}/${ctx.uuid}`,
    run_outputs_path: `${artifacts}/${ctx.uuid}/outputs`,
  };
  if (isService) {
    globals.ports = ports;
    globals.base_url = serviceBaseUrl(ctx, rewritePath, ports[0]);
  }
  return globals;
}

/** The resolved run has `init: []` before `container` (run-create.vscode.json content). */
function withInit(run: Obj): Obj {
  if ('init' in run) return run;
  const out: Obj = {};
  for (const [k, v] of Object.entries(run)) {
    if (k === 'container') out.init = [];
    out[k] = v;
  }
  if (!('init' in out)) out.init = [];
  return out;
}

/** Resolved resources carry cpu as a number (`"cpu": 2`), memory stays a string. */
function numericCpu(run: Obj): Obj {
  const resources = isObj(run.container) && isObj(run.container.resources) ? run.container.resources : undefined;
  for (const part of [resources?.requests, resources?.limits]) {
    if (isObj(part) && typeof part.cpu === 'string' && /^\d+(\.\d+)?$/.test(part.cpu)) part.cpu = Number(part.cpu);
  }
  return run;
}

const TEMPLATE = /\{\{\s*(.+?)\s*\}\}/g;

/** A small subset of Polyaxon's Jinja: `{{ NAME }}`, `{{ a or b }}`, `{{ globals.x }}`, `{{ globals.ports[0] }}`, `{{ params.X.value }}`. */
export function render<T>(value: T, scope: Obj): T {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*(.+?)\s*\}\}$/.exec(value);
    if (whole) {
      const v = evaluate(whole[1], scope);
      return (v === undefined || v === null ? '' : v) as T;
    }
    return value.replace(TEMPLATE, (_m, expr: string) => {
      const v = evaluate(expr, scope);
      return v === undefined || v === null ? '' : String(v);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => render(v, scope)) as T;
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, scope)])) as T;
  return value;
}

function evaluate(expr: string, scope: Obj): unknown {
  for (const alternative of expr.split(/\s+or\s+/)) {
    let v: unknown = scope;
    for (const step of alternative
      .trim()
      .split(/\.|\[(\d+)\]/)
      .filter((s) => s !== undefined && s !== '')) {
      v = isObj(v) || Array.isArray(v) ? (v as Record<string, unknown>)[step] : undefined;
    }
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function omitUndefined<T extends Obj>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
