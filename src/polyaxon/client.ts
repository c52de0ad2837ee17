// Typed REST client for the Polyaxon API (CE v1.11.3, also v2), see /api/v1 and /streams/v1 in the swagger.
// Every failure becomes a PolyaxonError whose message names the host and says what to do.
import { deletedFailure, shapeFailure } from './answers';
import { textOf } from './serverText';
import { get, Transport, type ClientOptions } from './transport';
import type {
  Installation,
  ListOptions,
  LogLine,
  Logs,
  OperationBody,
  Page,
  Project,
  ProjectRef,
  Run,
  RunRef,
  RunStatuses,
  StatusCondition,
} from './types';
import { normaliseHost, seg } from './urls';

export class PolyaxonClient {
  readonly host: string;
  private readonly transport: Transport;

  constructor(opts: ClientOptions) {
    this.host = normaliseHost(opts.host);
    this.transport = new Transport(this.host, opts);
  }

  /** `GET /api/v1/installation`: proves the host is Polyaxon and gives `version`/`dist`. */
  async getInstallation(signal?: AbortSignal): Promise<Installation> {
    const call = get('/api/v1/installation', 'installation', { owner: '' }, 'check the Polyaxon version', signal);
    const inst = await this.transport.json<Installation>(call);
    if (typeof inst.version !== 'string') throw shapeFailure(this.transport.info(call));
    return inst;
  }

  async listProjects(owner: string, opts?: ListOptions, signal?: AbortSignal): Promise<Page<Project>> {
    return this.transport.page(
      get(`/api/v1/${seg(owner)}/projects/list${query(opts)}`, 'owner', { owner }, `list the projects of ${owner}`, signal),
      isNamed,
    );
  }

  async getProject(ref: ProjectRef, signal?: AbortSignal): Promise<Project> {
    return this.transport.json(get(projectPath(ref), 'project', ref, `read project ${ref.owner}/${ref.project}`, signal));
  }

  /** CE answers 201, not the 200 the swagger lists; a taken name is a 400 `{"name": [...]}`. */
  async createProject(
    owner: string,
    body: { name: string; description?: string; tags?: string[] },
    signal?: AbortSignal,
  ): Promise<Project> {
    return this.transport.json({
      method: 'POST',
      path: `/api/v1/${seg(owner)}/projects/create`,
      body,
      signal,
      missing: 'owner',
      ref: { owner },
      expect: 'json',
      action: `create project ${owner}/${body.name}`,
    });
  }

  async listRuns(ref: ProjectRef, opts?: ListOptions, signal?: AbortSignal): Promise<Page<Run>> {
    return this.transport.page(get(`${projectPath(ref)}/runs${query(opts)}`, 'project', ref, listAction(ref), signal), hasUuid);
  }

  /**
   * v2 deletes softly: the run stays readable for about a day with `live_state: -1` (v1 answers 404 at once). Both are
   * the same `notFound`, so no view shows a deleted run as if it were there.
   */
  async getRun(ref: RunRef, signal?: AbortSignal): Promise<Run> {
    const call = get(runPath(ref), 'run', ref, `read ${runName(ref)}`, signal);
    const run = await this.transport.json<Run>(call);
    if (run.live_state === -1) throw deletedFailure(this.transport.info(call));
    return run;
  }

  /**
   * CE answers 201 (swagger: 200) with only uuid, name, description, content, is_managed, pending, meta_info, tags
   * (OperationCreateSerializer in platform/coredb/coredb/api/project_resources/serializers.py).
   */
  async createRun(ref: ProjectRef, body: OperationBody, signal?: AbortSignal): Promise<Run> {
    return this.transport.json({
      method: 'POST',
      path: `${projectPath(ref)}/runs`,
      body,
      signal,
      missing: 'project',
      ref,
      expect: 'json',
      action: `create a run in ${ref.owner}/${ref.project}`,
    });
  }

  /** 200 `{}` (an empty answer is refused); the run goes `stopping`, then `stopped` once the operator's finalizer reports it. */
  async stopRun(ref: RunRef, signal?: AbortSignal): Promise<void> {
    await this.transport.json({
      method: 'POST',
      path: `${runPath(ref)}/stop`,
      signal,
      missing: 'run',
      ref,
      expect: 'json',
      action: `stop ${runName(ref)}`,
    });
  }

  /** 204, empty body. */
  async deleteRun(ref: RunRef, signal?: AbortSignal): Promise<void> {
    await this.transport.send({
      method: 'DELETE',
      path: runPath(ref),
      signal,
      missing: 'run',
      ref,
      expect: 'none',
      action: `delete ${runName(ref)}`,
    });
  }

  /** Creates a new run from this one (201, `original.kind = "restart"`); `content` overrides the spec. */
  restartRun(
    ref: RunRef,
    body?: { name?: string; description?: string; tags?: string[]; content?: string },
    signal?: AbortSignal,
  ): Promise<Run> {
    return this.transport.json({
      method: 'POST',
      path: `${runPath(ref)}/restart`,
      body: body ?? {},
      signal,
      missing: 'run',
      ref,
      expect: 'json',
      action: `restart ${runName(ref)}`,
    });
  }

  async getStatuses(ref: RunRef, signal?: AbortSignal): Promise<RunStatuses> {
    const call = get(`${runPath(ref)}/statuses`, 'run', ref, `read the statuses of ${runName(ref)}`, signal);
    const statuses = await this.transport.json<Record<string, unknown>>(call);
    const wrong = statusesProblem(statuses);
    if (wrong) throw shapeFailure(this.transport.info(call), wrong);
    const conditions = (statuses.status_conditions ?? []) as unknown[];
    return { ...statuses, status_conditions: conditions.filter(isRecord).map(statusCondition) } as RunStatuses;
  }

  async getNamespace(ref: RunRef, signal?: AbortSignal): Promise<string> {
    const call = get(`${runPath(ref)}/namespace`, 'run', ref, `read the namespace of ${runName(ref)}`, signal);
    const answer = await this.transport.json<{ namespace?: unknown }>(call);
    if (typeof answer.namespace !== 'string') throw shapeFailure(this.transport.info(call));
    return answer.namespace;
  }

  /**
   * Live mode with `lastTime` (pod logs newer than it), archived mode without (one stored file per call,
   * iterate `lastFile`): core/polyaxon/streams/app/endpoints.py get_logs.
   */
  async getLogs(
    ref: RunRef & { namespace: string },
    opts: { lastTime?: string; lastFile?: string; force?: boolean },
    signal?: AbortSignal,
  ): Promise<Logs> {
    const params = new URLSearchParams();
    if (opts.lastTime) params.set('last_time', opts.lastTime);
    if (opts.lastFile) params.set('last_file', opts.lastFile);
    if (opts.force) params.set('force', 'true');
    const search = params.size ? `?${params.toString()}` : '';
    const path = `/streams/v1/${seg(ref.namespace)}/${seg(ref.owner)}/${seg(ref.project)}/runs/${seg(ref.uuid)}/logs${search}`;
    const logs = await this.transport.json<Logs>(get(path, 'run', ref, `read the logs of ${runName(ref)}`, signal));
    const lines = (Array.isArray(logs.logs) ? (logs.logs as unknown[]) : []).filter(isRecord).map(logLine);
    return { ...logs, logs: lines, last_time: logs.last_time ?? null, last_file: logs.last_file ?? null };
  }
}

/** What makes a statuses answer unusable, in words: the status is a text (or null), the conditions a list (or null). */
function statusesProblem(answer: Record<string, unknown>): string | undefined {
  const { status, status_conditions: conditions } = answer;
  if (status !== null && status !== undefined && typeof status !== 'string') return `"status" is ${kindOf(status)}, not a text`;
  if (conditions !== null && conditions !== undefined && !Array.isArray(conditions)) {
    return `"status_conditions" is ${kindOf(conditions)}, not a list`;
  }
  return undefined;
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A condition's type, reason and message are texts whatever the server put there; its times are texts or null. */
function statusCondition(item: Record<string, unknown>): StatusCondition {
  const time = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    ...item,
    type: textOf(item.type),
    reason: textOf(item.reason),
    message: textOf(item.message),
    last_update_time: time(item.last_update_time),
    last_transition_time: time(item.last_transition_time),
  };
}

function isRecord(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

/** A line whose `value` is null (an empty line of the container's output) is still a line; fields are texts. */
function logLine(item: Record<string, unknown>): LogLine {
  return {
    ...item,
    timestamp: textOf(item.timestamp),
    pod: textOf(item.pod),
    container: textOf(item.container),
    value: textOf(item.value),
  };
}

function hasUuid(item: unknown): item is Run {
  return typeof item === 'object' && item !== null && typeof (item as { uuid?: unknown }).uuid === 'string';
}

function isNamed(item: unknown): item is Project {
  return typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string';
}

function listAction(ref: ProjectRef): string {
  return `list the runs of ${ref.owner}/${ref.project}`;
}

function runName(ref: RunRef): string {
  return `run ${ref.uuid.slice(0, 8)} of ${ref.owner}/${ref.project}`;
}

function projectPath(ref: ProjectRef): string {
  return `/api/v1/${seg(ref.owner)}/${seg(ref.project)}`;
}

function runPath(ref: RunRef): string {
  return `${projectPath(ref)}/runs/${seg(ref.uuid)}`;
}

function query(opts?: ListOptions): string {
  const params = new URLSearchParams();
  if (opts?.query) params.set('query', opts.query);
  if (opts?.sort) params.set('sort', opts.sort);
  if (opts?.limit !== undefined) params.set('limit', String(opts.limit));
  if (opts?.offset !== undefined) params.set('offset', String(opts.offset));
  return params.size ? `?${params.toString()}` : '';
}
