// URL table of the CE API (platform/polycommon/polycommon/apis/urls/{runs,projects,versions}.py; every regex ends in `/?$`).
import { createProject, getProject, listProjects, projectNames } from './projects-routes';
import { json, methodNotAllowed, notFound, unrouted, type Reply } from './reply';
import {
  cloneRun,
  createRun,
  deleteRun,
  forEachUuid,
  getNamespace,
  getRun,
  getStatuses,
  listRuns,
  patchRun,
  postStatus,
  stopRun,
} from './runs-routes';
import type { RunRecord, Store } from './store';

export interface ApiRequest {
  method: string;
  url: URL;
  /** Parsed JSON body, null when empty. */
  body: unknown;
}

export interface ApiContext {
  store: Store;
  /** v2 adds `mode` (null), recorded-v2/installation.json. */
  installation: { key: string; version: string; dist: string; mode?: null };
  /** FakePolyaxon.schedulerFailure. */
  schedulerFailure?: () => string | undefined;
}

type Handlers = Partial<Record<string, () => Reply>>;

const SEG = '([^/]+)';
const UUID = '([0-9a-f]{32})';

function dispatch(method: string, handlers: Handlers): Reply {
  const handler = handlers[method] ?? (method === 'HEAD' ? handlers.GET : undefined);
  return handler ? handler() : methodNotAllowed(method);
}

/** v2 answers HEAD on a (gzipped) list with 405, although `Allow` names HEAD (recorded-v2 runs-list.head.json). */
function dispatchList(store: Store, method: string, handlers: Handlers): Reply {
  return store.v2 && method === 'HEAD' ? methodNotAllowed(method) : dispatch(method, handlers);
}

export function handleApi(req: ApiRequest, ctx: ApiContext): Reply {
  const { store } = ctx;
  const path = req.url.pathname;
  const m = (pattern: string) => new RegExp(`^/api/v1/${pattern}/?$`).exec(path);
  let match: RegExpExecArray | null;

  if (m('installation')) return dispatch(req.method, { GET: () => json(200, ctx.installation) });
  if ((match = m(`${SEG}/projects/list`))) return dispatchList(store, req.method, { GET: () => listProjects(store, req.url) });
  if ((match = m(`${SEG}/projects/names`))) return dispatch(req.method, { GET: () => projectNames(store, req.url) });
  if ((match = m(`${SEG}/projects/create`))) return dispatch(req.method, { POST: () => createProject(store, req.body) });

  if ((match = m(`${SEG}/${SEG}/runs`))) {
    const project = match[2];
    if (!store.projects.has(project)) return notFound();
    return dispatchList(store, req.method, {
      GET: () => listRuns(store, project, req.url),
      POST: () => createRun(store, project, req.body, ctx.schedulerFailure?.()),
    });
  }
  if ((match = m(`${SEG}/${SEG}/runs/(stop|delete)`))) {
    const [, , project, action] = match;
    if (!store.projects.has(project)) return notFound();
    return action === 'stop'
      ? dispatch(req.method, { POST: () => forEachUuid(store, project, req.body, (rec) => stopRun(store, rec)) })
      : dispatch(req.method, { DELETE: () => forEachUuid(store, project, req.body, (rec) => deleteRun(store, rec)) });
  }
  if ((match = m(`${SEG}/${SEG}/runs/${UUID}(?:/(stop|restart|copy|statuses|namespace))?`))) {
    const [, , project, uuid, action] = match;
    const rec = store.projects.has(project) ? store.find(project, uuid) : undefined;
    if (!rec) return notFound();
    return runAction(req, ctx, rec, action);
  }
  if ((match = m(`${SEG}/${SEG}`))) return dispatch(req.method, { GET: () => getProject(store, match![2]) });
  return unrouted();
}

function runAction(req: ApiRequest, ctx: ApiContext, rec: RunRecord, action: string | undefined): Reply {
  const { store } = ctx;
  switch (action) {
    case undefined:
      return dispatch(req.method, {
        GET: () => getRun(store, rec),
        PATCH: () => patchRun(store, rec, req.body),
        DELETE: () => deleteRun(store, rec),
      });
    case 'stop':
      return dispatch(req.method, { POST: () => stopRun(store, rec) });
    case 'restart':
    case 'copy':
      return dispatch(req.method, { POST: () => cloneRun(store, rec, action, req.body) });
    case 'statuses':
      return dispatch(req.method, { GET: () => getStatuses(store, rec), POST: () => postStatus(store, rec, req.body) });
    default:
      return dispatch(req.method, { GET: () => getNamespace(store) });
  }
}
