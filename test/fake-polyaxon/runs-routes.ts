// /api/v1/{owner}/{project}/runs… (platform/coreapi/polyaxon/apis/{project_resources,runs}/views.py, CE v1.11.3;
// v2 as recorded in recorded-v2/, see its README "Differences from v1.11.3").
import { readOperation } from './read-operation';
import { CONDITION_TEXT, isDone } from './lifecycle';
import { paginate } from './paging';
import { parseQuery, QueryError, sortRuns } from './query';
import { empty, json, list, notFound, type Reply } from './reply';
import { runCreated, runDetail, runListItem, runStatuses, statusPosted } from './serializers';
import type { RunRecord, Store, StoredRun } from './store';
import { submitRun } from './submit';
import type { RunStatus } from '../../src/polyaxon/types';

type Body = Record<string, unknown>;
const asBody = (b: unknown): Body => (typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Body) : {});

export function listRuns(store: Store, project: string, url: URL): Reply {
  let filter;
  try {
    filter = parseQuery(url.searchParams.get('query'));
  } catch (e) {
    if (e instanceof QueryError) return json(400, [`Error applying or resolving queryset, ${e.message}`]);
    throw e;
  }
  const runs = sortRuns(
    store
      .listedRunsOf(project)
      .map((r) => r.run)
      .filter(filter),
    url.searchParams.get('sort'),
  );
  // v2's LargeLimitOffsetPagination: default 100, no maximum (recorded-v2/README.md 26).
  const paging = store.v2 ? { url, defaultLimit: 100, maxLimit: Infinity } : { url };
  return list(
    paginate(
      runs.map((r) => runListItem(r, store.v2)),
      paging,
    ),
  );
}

/** Fields of V1OperationBody a client may set besides `content`. */
function overridesFrom(body: Body): Partial<StoredRun> {
  const out: Partial<StoredRun> = {};
  if (typeof body.name === 'string') out.name = body.name;
  if (typeof body.description === 'string') out.description = body.description;
  if (Array.isArray(body.tags)) out.tags = body.tags.map(String);
  if (typeof body.is_managed === 'boolean') out.is_managed = body.is_managed;
  if (typeof body.pending === 'string') out.pending = body.pending;
  if (typeof body.meta_info === 'object' && body.meta_info !== null) out.meta_info = body.meta_info as Record<string, unknown>;
  if (typeof body.managed_by === 'string') out.managed_by = body.managed_by;
  return out;
}

/** v2's `managed_by` choices (haupt 2.5.2 accepted `agent` and `user`, run-create.vscode.managed-by-*.json). */
const MANAGED_BY = new Set(['agent', 'cli', 'user']);

/**
 * v2: the v1 CLI body (`is_managed: true`, no managed_by) is stored as managed_by `agent`; anything but `agent` is a
 * run the agent never gets: `is_managed: false`, left `created` (recorded-v2/README.md 15).
 */
function managedBy(body: Body): { managed_by: string; is_managed: boolean } | Reply {
  if (body.managed_by === undefined || body.managed_by === null) {
    return body.is_managed === false ? { managed_by: 'user', is_managed: false } : { managed_by: 'agent', is_managed: true };
  }
  if (typeof body.managed_by !== 'string' || !MANAGED_BY.has(body.managed_by)) {
    return json(400, { managed_by: [`"${String(body.managed_by)}" is not a valid choice.`] });
  }
  return { managed_by: body.managed_by, is_managed: body.managed_by === 'agent' };
}

/** Django's SlugField message, for a run name with spaces or `!` (run-create.invalid-name.body-name.json). */
const SLUG_ERROR = 'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.';

export function createRun(store: Store, project: string, rawBody: unknown, failure?: string): Reply {
  const body = asBody(rawBody);
  // Serializer-level errors are a dict (run-create.{no-body,empty-json-object,managed-without-content}.json).
  if (body.content === undefined || body.content === null || body.content === '') {
    return json(400, { non_field_errors: ['Run expects a `content`.'] });
  }
  if (typeof body.content !== 'string') return json(400, { content: ['Not a valid string.'] });
  const overrides = overridesFrom(body);
  if (store.v2) {
    if (typeof body.name === 'string' && !/^[-a-zA-Z0-9_]+$/.test(body.name)) return json(400, { name: [SLUG_ERROR] });
    const managed = managedBy(body);
    if ('status' in managed) return managed;
    Object.assign(overrides, managed);
  }
  const parsed = readOperation(body.content, store.v2);
  if ('error' in parsed) return json(400, parsed.error);
  const rec = submitRun(store, project, parsed, { v2: store.v2, overrides, failure });
  return json(201, runCreated(rec.run, store.v2)); // CE answers 201 although the swagger says 200
}

export const getRun = (store: Store, rec: RunRecord): Reply => json(200, runDetail(rec.run, store.v2));

export function patchRun(store: Store, rec: RunRecord, rawBody: unknown): Reply {
  const body = asBody(rawBody);
  const { meta_info, ...rest } = overridesFrom(body);
  Object.assign(rec.run, rest);
  if (meta_info) rec.run.meta_info = body.merge === false ? meta_info : { ...rec.run.meta_info, ...meta_info };
  return getRun(store, rec);
}

/** Stop: `stopping` right away (StateManager), done, stopping and (v2) deleted runs are left alone; 200 `{}`. */
export function stopRun(store: Store, rec: RunRecord): Reply {
  if (!isDone(rec.run.status) && rec.run.live_state !== -1) {
    const [reason, message] = CONDITION_TEXT.stopping ?? ['', ''];
    store.transition(rec, 'stopping', reason, message);
  }
  return json(200, {});
}

export function deleteRun(store: Store, rec: RunRecord): Reply {
  store.deleteRun(rec);
  return empty(204);
}

/** `{"uuids": [...]}` for runs/stop and runs/delete. */
export function forEachUuid(store: Store, project: string, rawBody: unknown, action: (rec: RunRecord) => void): Reply {
  const uuids = asBody(rawBody).uuids;
  for (const uuid of Array.isArray(uuids) ? uuids : []) {
    const rec = store.find(project, String(uuid));
    if (rec) action(rec);
  }
  return json(200, {});
}

/** restart / copy: a new run from the original's submitted operation, `original = {uuid, name, kind}`. */
export function cloneRun(store: Store, rec: RunRecord, kind: 'restart' | 'copy', rawBody: unknown): Reply {
  const parsed = readOperation(rec.run.raw_content ?? '', store.v2);
  if ('error' in parsed) return json(400, parsed.error);
  const overrides = {
    name: rec.run.name,
    description: rec.run.description,
    tags: rec.run.tags,
    ...overridesFrom(asBody(rawBody)),
    original: { uuid: rec.run.uuid, name: rec.run.name, kind },
  };
  const clone = submitRun(store, rec.project, parsed, { v2: store.v2, overrides });
  return json(201, runCreated(clone.run, store.v2));
}

/** v2: the statuses of a soft-deleted run are 404 while the run itself stays readable (run-statuses.vscode.after-delete.json). */
export const getStatuses = (store: Store, rec: RunRecord): Reply =>
  rec.run.live_state === -1 ? notFound() : json(200, runStatuses(rec, store.v2));

/**
 * The operator's call: `{"condition": {"type": "Running", …}}` → 201 `{"status": null, "status_conditions": null}`
 * (run-statuses-post.*(operator-sim).json). Condition types arrive capitalised or not (v2 takes both, README 14);
 * timestamps are kept as posted.
 */
export function postStatus(store: Store, rec: RunRecord, rawBody: unknown): Reply {
  const condition = asBody(asBody(rawBody).condition);
  if (typeof condition.type !== 'string') return json(400, { condition: ['This field is required.'] });
  const status = condition.type.toLowerCase() as RunStatus;
  const at = typeof condition.last_transition_time === 'string' ? condition.last_transition_time : undefined;
  store.transition(rec, status, String(condition.reason ?? ''), typeof condition.message === 'string' ? condition.message : null, at);
  return json(201, statusPosted(store.v2));
}

export const getNamespace = (store: Store): Reply => json(200, { namespace: store.namespace });
