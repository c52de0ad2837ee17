// The fake's database: projects and runs, and the status bookkeeping Polyaxon does on every new condition
// (platform/coredb/coredb/managers/statuses.py new_run_status + RunLifeCycle.set_started_at / set_finished_at).
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
}

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
    private readonly agent?: { version: string },
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
      settings: this.agent
        ? { namespace: this.namespace, agent: { uuid: newUuid(), name: 'agent', version: this.agent.version } }
        : { namespace: this.namespace },
      project,
      readme: null,
      description: null,
      raw_content: null,
      content: null,
      live_state: 1,
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
    rec.conditions.push({ type: status, reason, status: 'True', message, last_update_time: time, last_transition_time: time });
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

  deleteRun(rec: RunRecord): void {
    this.runs.delete(rec.run.uuid);
    this.onDelete(rec);
  }
}
