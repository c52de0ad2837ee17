// The fake's database: projects and runs, and the status bookkeeping Polyaxon does on every new condition
// (platform/coredb/coredb/managers/statuses.py new_run_status + RunLifeCycle.set_started_at / set_finished_at).
// v2 differs as recorded (recorded-v2/README.md "Differences from v1.11.3"): a condition's `status` is a JSON
// boolean (13), and a delete is soft: `live_state: -1`, the row stays readable (19).
import * as crypto from 'crypto';
import type { LogLine, Project, Run, RunStatus, StatusCondition } from '../../src/polyaxon/types';
import { isDone, isStarted } from './lifecycle';
import { conditionTime, modelTime, secondsBetween } from './time';

export interface StoredProject extends Project {
  readme: string | null;
}

/** Detail fields CE returns that the client's `Run` type does not name. */
export interface StoredRun extends Run {
  pipeline: unknown;
  original: { uuid: string; name: string | null | undefined; kind: string } | null;
  readme: string | null;
  live_state: number;
  /** v2: what the run asks of the cluster, in bytes and cores (`resources` of run-get.*.json); zeros until compiled. */
  resources: RunResources;
}

export interface RunResources {
  memory: number;
  cpu: number;
  gpu: number;
  custom: number;
  cost: number;
}

export const NO_RESOURCES: RunResources = { memory: 0, cpu: 0, gpu: 0, custom: 0, cost: 0 };

/** How the simulated cluster treats a run (set by `__unschedulable__`-style param values, or by the seed). */
export type Behaviour = 'normal' | 'unschedulable' | 'fail' | 'warning' | 'stuck';

export interface RunRecord {
  project: string;
  run: StoredRun;
  conditions: StatusCondition[];
  behaviour: Behaviour;
  logs: LogLine[];
  node: string;
  pod: string;
}

/** UUIDField(format="hex"): a uuid4 without dashes. */
export const newUuid = (): string => crypto.randomUUID().replace(/-/g, '');

export class Store {
  readonly projects = new Map<string, StoredProject>();
  readonly runs = new Map<string, RunRecord>();
  /** Called after every status change (the operator and the service backends listen). */
  onStatus: (rec: RunRecord) => void = () => undefined;
  onDelete: (rec: RunRecord) => void = () => undefined;

  constructor(
    readonly namespace: string,
    /** Polyaxon v2 (haupt 2.5.2) rather than CE v1.11.3. */
    readonly v2: boolean,
  ) {}

  addProject(name: string, description: string | null = null): StoredProject {
    const created = modelTime();
    const project: StoredProject = {
      uuid: newUuid(),
      name,
      description,
      tags: null,
      created_at: created,
      updated_at: created,
      readme: null,
    };
    this.projects.set(name, project);
    return project;
  }

  runsOf(project: string): RunRecord[] {
    return [...this.runs.values()].filter((r) => r.project === project);
  }

  find(project: string, uuid: string): RunRecord | undefined {
    const rec = this.runs.get(uuid);
    return rec && rec.project === project ? rec : undefined;
  }

  /** A new run with its first condition `created / OperationServiceInit` (operations.init_run). */
  insertRun(project: string, fields: Partial<StoredRun>, behaviour: Behaviour = 'normal'): RunRecord {
    const uuid = fields.uuid ?? newUuid();
    const created = fields.created_at ?? modelTime();
    const kind = fields.kind ?? 'job';
    const run: StoredRun = {
      uuid,
      name: null,
      created_at: created,
      updated_at: created,
      started_at: null,
      finished_at: null,
      wait_time: null,
      duration: null,
      kind,
      runtime: kind,
      meta_info: {},
      status: 'created',
      pipeline: null,
      original: null,
      is_managed: true,
      pending: null,
      inputs: null,
      outputs: null,
      tags: null,
      settings: { namespace: this.namespace },
      project,
      readme: null,
      description: null,
      raw_content: null,
      content: null,
      live_state: 1,
      resources: { ...NO_RESOURCES },
      ...fields,
    };
    run.status = 'created';
    const rec: RunRecord = {
      project,
      run,
      behaviour,
      logs: [],
      conditions: [],
      node: `gke-worker-pool-${crypto.randomBytes(2).toString('hex')}`,
      pod: `plx-operation-${uuid}-${crypto.randomBytes(5).toString('hex').slice(0, 9)}-${crypto.randomBytes(3).toString('hex').slice(0, 5)}`,
    };
    this.runs.set(uuid, rec);
    this.transition(rec, 'created', 'OperationServiceInit', 'Run is created');
    return rec;
  }

  /**
   * Record a new condition. Same-status conditions are ignored, as Polyaxon does (hence "stop again" changes nothing).
   * `at` is the condition's time as posted by the operator; server-made ones use now.
   */
  transition(rec: RunRecord, status: RunStatus, reason: string, message: string | null, at?: string): void {
    if (rec.conditions.length && rec.run.status === status) return;
    const time = at ?? conditionTime();
    // v1.11.3 answers the string "True", v2 a JSON boolean (run-statuses.*.json of each recording).
    const truth = (this.v2 ? true : 'True') as StatusCondition['status'];
    rec.conditions.push({ type: status, reason, status: truth, message, last_update_time: time, last_transition_time: time });
    const run = rec.run;
    run.status = status;
    run.updated_at = modelTime();
    if (isStarted(status) && !run.started_at) {
      run.started_at = modelTime();
      run.wait_time = secondsBetween(run.created_at ?? run.started_at, run.started_at);
    }
    if (isDone(status) && !run.finished_at) {
      run.finished_at = modelTime();
      run.started_at ??= run.created_at; // set_finished_at: a run that never started gets started_at = created_at
      run.duration = secondsBetween(run.started_at ?? run.finished_at, run.finished_at);
    }
    this.onStatus(rec);
  }

  /** Runs a list shows: v2 leaves soft-deleted runs out (recorded-v2/README.md 27). */
  listedRunsOf(project: string): RunRecord[] {
    return this.runsOf(project).filter((r) => r.run.live_state !== -1);
  }

  /** v1.11.3: gone in the same request (GET → 404). v2: `live_state: -1`, still readable (run-get.*.after-delete.json). */
  deleteRun(rec: RunRecord): void {
    if (this.v2) {
      if (rec.run.live_state === -1) return;
      rec.run.live_state = -1;
      rec.run.updated_at = modelTime();
    } else {
      this.runs.delete(rec.run.uuid);
    }
    this.onDelete(rec);
  }
}
