// The simulated cluster: what the Polyaxon operator reports back for each run, after configurable delays.
// Conditions as the v1.11.3 operator posts them (operator/api/v1/operation_types.go; recorded operator-sim calls).
import type { RunStatus } from '../../src/polyaxon/types';
import { imageOf } from './flavour';
import { appendLog, pullLines, startupLines, tickLine } from './logs';
import type { RunRecord, Store } from './store';

export interface OperatorDelays {
  queuedMs: number;
  startingMs: number;
  stoppingMs: number;
}

interface Step {
  afterMs: number;
  status: RunStatus;
  reason: string;
  message: string;
}

export class Operator {
  private readonly steps = new Map<string, NodeJS.Timeout>();
  private readonly tickers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly delays: OperatorDelays | false,
    private readonly logIntervalMs: number,
  ) {}

  /** v2: the agent, not the operator, moves a run from `queued` to `scheduled` (agent.ts); the operator takes it from there. */
  private get v2(): boolean {
    return this.store.v2;
  }

  /** Called after every status change of a run. */
  react(rec: RunRecord): void {
    const uuid = rec.run.uuid;
    clearTimeout(this.steps.get(uuid));
    this.steps.delete(uuid);
    this.writeLogs(rec);
    this.tick(rec);
    const step = this.delays ? this.nextStep(rec, this.delays) : undefined;
    if (!step) return;
    const from = rec.run.status;
    const timer = setTimeout(() => {
      this.steps.delete(uuid);
      if (this.store.runs.get(uuid) === rec && rec.run.status === from) this.store.transition(rec, step.status, step.reason, step.message);
    }, step.afterMs);
    timer.unref();
    this.steps.set(uuid, timer);
  }

  forget(rec: RunRecord): void {
    clearTimeout(this.steps.get(rec.run.uuid));
    clearInterval(this.tickers.get(rec.run.uuid));
    this.steps.delete(rec.run.uuid);
    this.tickers.delete(rec.run.uuid);
  }

  close(): void {
    for (const t of this.steps.values()) clearTimeout(t);
    for (const t of this.tickers.values()) clearInterval(t);
    this.steps.clear();
    this.tickers.clear();
  }

  private nextStep(rec: RunRecord, d: OperatorDelays): Step | undefined {
    const image = imageOf(rec.run);
    if (rec.run.live_state === -1) return undefined;
    if (this.v2 && rec.run.status === 'queued') return undefined;
    switch (this.v2 && rec.run.status === 'scheduled' ? 'queued' : rec.run.status) {
      case 'queued':
        if (rec.behaviour === 'stuck') return undefined;
        if (rec.behaviour === 'unschedulable') {
          return {
            afterMs: d.queuedMs,
            status: 'unschedulable',
            reason: 'PodUnschedulable',
            message: '0/3 nodes are available: 3 Insufficient cpu.',
          };
        }
        if (this.v2) return { afterMs: d.startingMs, status: 'starting', reason: 'OperatorController', message: 'Operation is starting' };
        // Not in the v1.11.3 recordings (its operator posts only starting/running); kept because clients must cope with it.
        return { afterMs: d.queuedMs, status: 'scheduled', reason: 'OperatorController', message: 'Operation is scheduled' };
      case 'scheduled':
        return { afterMs: Math.ceil(d.startingMs / 4), status: 'starting', reason: 'OperatorController', message: 'Operation is starting' };
      case 'starting':
        if (rec.behaviour === 'fail') {
          return { afterMs: d.startingMs, status: 'failed', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
        }
        if (rec.behaviour === 'warning') {
          return {
            afterMs: d.startingMs,
            status: 'warning',
            reason: 'ErrImagePull',
            message: `rpc error: code = Unknown desc = failed to pull and unpack image "${image}": pull access denied`,
          };
        }
        return { afterMs: d.startingMs, status: 'running', reason: 'OperatorController', message: 'Operation is running' };
      case 'stopping':
        // The finalizer posts this when the Operation CR is deleted (run-statuses-post.vscode.stopped(operator-sim).json).
        return { afterMs: d.stoppingMs, status: 'stopped', reason: 'OperatorFinalizer', message: 'Operation stopped in finalizer' };
      default:
        return undefined;
    }
  }

  private writeLogs(rec: RunRecord): void {
    const last = rec.conditions[rec.conditions.length - 1];
    switch (rec.run.status) {
      case 'starting':
        appendLog(rec, pullLines(rec));
        break;
      case 'running':
        appendLog(rec, startupLines(rec));
        break;
      case 'failed':
        if (last?.message) appendLog(rec, [last.message]);
        break;
      case 'warning':
        if (last?.message) appendLog(rec, [last.message]);
        break;
      default:
        break;
    }
  }

  /** While running, a new log line every logIntervalMs. */
  private tick(rec: RunRecord): void {
    const uuid = rec.run.uuid;
    const running = rec.run.status === 'running';
    if (running && !this.tickers.has(uuid)) {
      let n = 0;
      const timer = setInterval(() => appendLog(rec, [tickLine(rec, n++)]), this.logIntervalMs);
      timer.unref();
      this.tickers.set(uuid, timer);
    } else if (!running && this.tickers.has(uuid)) {
      clearInterval(this.tickers.get(uuid));
      this.tickers.delete(uuid);
    }
  }
}
