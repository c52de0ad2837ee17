// Creating a run from an operation, as CE does it in one request when the scheduler is disabled (chart default):
// created → compiled → queued, or created → failed when compiling fails (recorded/README.md "Status flow observed").
import { compileOperation } from './compile';
import type { ParsedOperation } from './read-operation';
import { CONDITION_TEXT, pathTo } from './lifecycle';
import type { RunStatus } from '../../src/polyaxon/types';
import { NO_RESOURCES, newUuid, type Behaviour, type RunRecord, type RunResources, type Store, type StoredRun } from './store';

/** Markers a test can put in a param value to choose what the simulated cluster does with the run. */
export function behaviourOf(inputs: Record<string, unknown> | null | undefined): Behaviour {
  const values = Object.values(inputs ?? {})
    .map((v) => JSON.stringify(v) ?? '')
    .join(' ');
  if (values.includes('__unschedulable__')) return 'unschedulable';
  if (values.includes('__fail__')) return 'fail';
  if (values.includes('__warning__')) return 'warning';
  if (values.includes('__stuck__')) return 'stuck';
  return 'normal';
}

export interface SubmitOptions {
  v2: boolean;
  /** Fields that win over the component's (from the request body, or a test's addRun). */
  overrides: Partial<StoredRun>;
  /** Default: from the param markers. */
  behaviour?: Behaviour;
  /** The scheduler's message for a run it fails instead of compiling (FakePolyaxon.schedulerFailure). */
  failure?: string;
}

export function submitRun(
  store: Store,
  project: string,
  parsed: ParsedOperation,
  { v2, overrides, behaviour, failure }: SubmitOptions,
): RunRecord {
  const uuid = overrides.uuid ?? newUuid();
  // v2: a run not managed_by the agent is stored as submitted and left `created` (recorded-v2/README.md 15).
  const managed = !v2 || overrides.is_managed !== false;
  const compiled = compileOperation(parsed, { uuid, owner: 'default', project, namespace: store.namespace, v2, resolve: managed });
  const rec = store.insertRun(
    project,
    {
      uuid,
      name: overrides.name ?? compiled.name,
      description: overrides.description ?? compiled.description,
      tags: overrides.tags ?? compiled.tags,
      kind: compiled.kind,
      runtime: compiled.kind,
      inputs: compiled.inputs,
      raw_content: JSON.stringify(parsed.op),
      content: compiled.content,
      is_managed: overrides.is_managed ?? true,
      pending: overrides.pending ?? null,
      meta_info: { ...(overrides.meta_info ?? {}) },
      original: overrides.original ?? null,
      ...(overrides.managed_by !== undefined ? { managed_by: overrides.managed_by } : {}),
    },
    behaviour ?? behaviourOf(compiled.inputs),
  );
  const schedulerFailure = failure ?? compiled.failure;
  if (schedulerFailure) {
    store.transition(rec, 'failed', 'SchedulerPrepare', schedulerFailure);
    return rec;
  }
  if (!managed) return rec;
  rec.run.resources = resourcesOf(compiled.content);
  // resolver.persist_state: `if is_service_run and run.rewrite_path: meta_info[META_REWRITE_PATH] = True`; v2 also ports.
  if (compiled.rewritePath) rec.run.meta_info = { ...rec.run.meta_info, rewrite_path: true };
  if (v2 && compiled.kind === 'service') rec.run.meta_info = { ...rec.run.meta_info, ports: compiled.ports };
  for (const status of ['compiled', 'queued'] as const) {
    const [reason, message] = CONDITION_TEXT[status] ?? ['', ''];
    store.transition(rec, status, reason, message);
  }
  return rec;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12, '': 1 };

/** Kubernetes quantities as v2 sums them into `resources`: memory in bytes, cpu in cores ("4Gi" → 4294967296, "500m" → 0.5). */
function quantity(value: unknown, unit: 'bytes' | 'cores'): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(value ?? ''));
  if (!m) return 0;
  const scale = unit === 'cores' && m[2] === 'm' ? 1e-3 : (BINARY[m[2] ?? ''] ?? 1);
  return Number(m[1]) * scale;
}

/** `resources` of a compiled run: its main container's requests (recorded-v2 run-get.*.json: 4Gi → 4294967296.0, cpu 2.0). */
function resourcesOf(content: string): RunResources {
  const run = (JSON.parse(content) as { run?: { container?: { resources?: { requests?: Record<string, unknown> } } } }).run;
  const requests = run?.container?.resources?.requests ?? {};
  return { ...NO_RESOURCES, memory: quantity(requests.memory, 'bytes'), cpu: quantity(requests.cpu, 'cores') };
}

/** Walk a run along the usual conditions up to `target` (for seeded and test-added runs); `last` words the final one. */
export function driveTo(store: Store, rec: RunRecord, target: RunStatus, last?: { reason?: string; message?: string }): void {
  const path = pathTo(target);
  const from = path.indexOf(rec.run.status as RunStatus) + 1;
  for (const status of path.slice(from)) {
    const [reason, message] = CONDITION_TEXT[status] ?? ['', ''];
    const isLast = status === target;
    store.transition(rec, status, (isLast && last?.reason) || reason, (isLast && last?.message) || message);
  }
}
