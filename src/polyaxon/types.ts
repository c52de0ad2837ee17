// Shapes of the Polyaxon REST API (v1.11.3 CE, as recorded from a real server; v2 adds a few fields).
// Only what this extension reads is typed; everything is optional where CE may omit it.

/** Every value of `V1Statuses` (identical in v1.11.3 and v2). */
export type RunStatus =
  | 'created'
  | 'resuming'
  | 'on_schedule'
  | 'compiled'
  | 'queued'
  | 'scheduled'
  | 'starting'
  | 'running'
  | 'processing'
  | 'stopping'
  | 'failed'
  | 'stopped'
  | 'succeeded'
  | 'skipped'
  | 'warning'
  | 'unschedulable'
  | 'upstream_failed'
  | 'retrying'
  | 'unknown'
  | 'done';

export interface Installation {
  key?: string;
  version: string;
  /** `ce` for the community edition; anything else is EE / Cloud. */
  dist?: string;
  /** v2 only (`null` on CE). */
  mode?: string | null;
}

export interface Project {
  uuid: string;
  name: string;
  description?: string | null;
  tags?: string[] | null;
  created_at?: string;
  updated_at?: string;
  live_state?: number;
}

export interface StatusCondition {
  type: RunStatus | string;
  /** v1.11.3 sends the text `"True"`, v2 the JSON boolean `true`: nothing here reads it. */
  status?: string | boolean;
  reason?: string | null;
  message?: string | null;
  last_update_time?: string | null;
  last_transition_time?: string | null;
}

export interface Run {
  uuid: string;
  name?: string | null;
  description?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  wait_time?: number | null;
  duration?: number | null;
  kind?: string | null;
  runtime?: string | null;
  meta_info?: Record<string, unknown> | null;
  status?: RunStatus | null;
  is_managed?: boolean | null;
  managed_by?: string | null;
  pending?: string | null;
  inputs?: Record<string, unknown> | null;
  outputs?: Record<string, unknown> | null;
  tags?: string[] | null;
  settings?: { namespace?: string; agent?: { uuid?: string; name?: string; version?: string; url?: string } } | null;
  /** Detail only. */
  project?: string | null;
  /** Detail only: the compiled operation, a JSON string. */
  content?: string | null;
  /** Detail only: the submitted operation, a JSON string. */
  raw_content?: string | null;
  /** Detail only: 1 live; -1 deleted (v2 deletes softly: the run stays readable with -1 for about a day). */
  live_state?: number | null;
  status_conditions?: StatusCondition[] | null;
}

export interface Page<T> {
  count: number | null;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface RunStatuses {
  uuid: string;
  status: RunStatus | null;
  status_conditions: StatusCondition[];
}

export interface LogLine {
  timestamp: string;
  node?: string;
  pod?: string;
  container?: string;
  value: string;
}

export interface Logs {
  last_time: string | null;
  last_file: string | null;
  files?: string[];
  logs: LogLine[];
}

/** Body of `POST /api/v1/{owner}/{project}/runs` (`V1OperationBody`). */
export interface OperationBody {
  content: string;
  is_managed?: boolean;
  managed_by?: string;
  name?: string;
  description?: string;
  tags?: string[];
}

export interface ListOptions {
  query?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

/** A project on the server: `<owner>/<project>`. */
export interface ProjectRef {
  owner: string;
  project: string;
}

/** One run of a project. */
export interface RunRef extends ProjectRef {
  uuid: string;
}

/** One string per run, for maps keyed by run. */
export function runKey(ref: RunRef): string {
  return `${ref.owner}/${ref.project}/${ref.uuid}`;
}
