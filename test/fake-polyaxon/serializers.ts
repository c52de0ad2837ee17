// Field sets of the CE serializers, in the recorded order (platform/coredb/coredb/api/…/serializers.py).
import type { RunStatuses } from '../../src/polyaxon/types';
import type { RunRecord, StoredProject, StoredRun } from './store';

const pick = <T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));

/** RunSerializer: list items have no project, description, content (runs-list.*.json). */
const RUN_LIST_FIELDS = [
  'uuid',
  'name',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
  'wait_time',
  'duration',
  'kind',
  'runtime',
  'meta_info',
  'status',
  'pipeline',
  'original',
  'is_managed',
  'pending',
  'inputs',
  'outputs',
  'tags',
  'settings',
] as const satisfies readonly (keyof StoredRun)[];

/** RunDetailSerializer adds these (run-get.*.json). */
const RUN_DETAIL_EXTRA = [
  'project',
  'readme',
  'description',
  'raw_content',
  'content',
  'live_state',
] as const satisfies readonly (keyof StoredRun)[];

/** OperationCreateSerializer: the only fields of the 201 body (run-create.vscode.json). */
const RUN_CREATE_FIELDS = [
  'uuid',
  'name',
  'description',
  'content',
  'is_managed',
  'pending',
  'meta_info',
  'tags',
] as const satisfies readonly (keyof StoredRun)[];

/** v2 adds managed_by to V1Run; v1.11.3 has no such field. */
function withManagedBy(run: StoredRun, out: Record<string, unknown>): Record<string, unknown> {
  return run.managed_by !== undefined ? { ...out, managed_by: run.managed_by } : out;
}

export const runListItem = (run: StoredRun) => withManagedBy(run, pick(run, RUN_LIST_FIELDS));
export const runDetail = (run: StoredRun) => withManagedBy(run, pick(run, [...RUN_LIST_FIELDS, ...RUN_DETAIL_EXTRA]));
export const runCreated = (run: StoredRun) => pick(run, RUN_CREATE_FIELDS);

export function runStatuses(rec: RunRecord): RunStatuses {
  return { uuid: rec.run.uuid, status: rec.run.status ?? null, status_conditions: rec.conditions.map((c) => ({ ...c })) };
}

/** ProjectSerializer (list items) and the create answer, which adds `readme` (project-create.json). */
export const projectListItem = (p: StoredProject) => pick(p, ['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at']);
export const projectCreated = (p: StoredProject) => pick(p, ['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at', 'readme']);
/** ProjectDetailSerializer adds live_state (project-get.json). */
export const projectDetail = (p: StoredProject) => ({ ...projectCreated(p), live_state: 1 });
