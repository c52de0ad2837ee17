// Field sets of the CE serializers, in the recorded order (platform/coredb/coredb/api/…/serializers.py for v1.11.3;
// haupt v2.5.2 adds fields, recorded-v2/README.md "Differences from v1.11.3" 8–14).
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

/** v2 `settings` of a run detail: every key null or [] but the namespace (recorded-v2 run-get.*.json). */
const v2DetailSettings = (run: StoredRun) => ({
  namespace: run.settings?.namespace ?? null,
  agent: null,
  queue: null,
  artifacts_store: null,
  tensorboard: null,
  build: null,
  component: null,
  models: [],
  artifacts: [],
});

/** The v2 list item: `schedule_at` after finished_at, `managed_by` after is_managed, then user/bookmarked/resources. */
function v2ListItem(run: StoredRun): Record<string, unknown> {
  const v1 = pick(run, RUN_LIST_FIELDS);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(v1)) {
    if (k === 'wait_time') out.schedule_at = null;
    out[k] = v;
    if (k === 'is_managed') out.managed_by = run.managed_by ?? 'agent';
  }
  out.settings = { namespace: run.settings?.namespace ?? null, component: null };
  out.user = null;
  return out;
}

export function runListItem(run: StoredRun, v2: boolean): Record<string, unknown> {
  if (!v2) return pick(run, RUN_LIST_FIELDS);
  return { ...v2ListItem(run), bookmarked: false, resources: { ...run.resources } };
}

export function runDetail(run: StoredRun, v2: boolean): Record<string, unknown> {
  if (!v2) return pick(run, [...RUN_LIST_FIELDS, ...RUN_DETAIL_EXTRA]);
  return {
    ...v2ListItem(run),
    settings: v2DetailSettings(run),
    owner: 'default',
    ...pick(run, RUN_DETAIL_EXTRA),
    bookmarked: false,
    resources: { ...run.resources },
  };
}

/** v2 puts `kind` second and adds `managed_by` and an empty `settings` (recorded-v2 run-create.vscode.json). */
export function runCreated(run: StoredRun, v2: boolean): Record<string, unknown> {
  const v1 = pick(run, RUN_CREATE_FIELDS);
  if (!v2) return v1;
  const { uuid, is_managed, ...rest } = v1;
  const { pending, meta_info, tags, ...head } = rest;
  return { uuid, kind: run.kind, ...head, is_managed, managed_by: run.managed_by ?? 'agent', pending, meta_info, tags, settings: {} };
}

/** v2 adds the run's `meta_info` (recorded-v2 run-statuses.*.json). */
export function runStatuses(rec: RunRecord, v2: boolean): RunStatuses & { meta_info?: Record<string, unknown> } {
  const out: RunStatuses = { uuid: rec.run.uuid, status: rec.run.status ?? null, status_conditions: rec.conditions.map((c) => ({ ...c })) };
  return v2 ? { ...out, meta_info: rec.run.meta_info ?? {} } : out;
}

/** What a statuses POST answers: 201, every field null (run-statuses-post.*(operator-sim).json; v2 adds meta_info). */
export const statusPosted = (v2: boolean) =>
  v2 ? { status: null, status_conditions: null, meta_info: null } : { status: null, status_conditions: null };

/** ProjectSerializer (list items; v2 adds `bookmarked`) and the create answer, which adds `readme` (project-create.json). */
export const projectListItem = (p: StoredProject, v2: boolean) => {
  const item = pick(p, ['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at']);
  return v2 ? { ...item, bookmarked: false } : item;
};
export const projectCreated = (p: StoredProject) => pick(p, ['uuid', 'name', 'description', 'tags', 'created_at', 'updated_at', 'readme']);
/** ProjectDetailSerializer adds live_state (project-get.json); v2 also `bookmarked`, before readme. */
export const projectDetail = (p: StoredProject, v2: boolean) => {
  const item = projectListItem(p, v2);
  return { ...item, readme: p.readme ?? null, live_state: 1 };
};
