// What a launch says while it waits and when it ends: the text of the progress (with the time spent), the
// outcome's message and the order of its actions. No VS Code API: launchOutcome.ts shows what this decides.
import { conditionLine } from '../presentation/runWording';
import { translateCompileError } from '../polyaxon/compileErrors';
import { isStoppable } from '../polyaxon/statuses';
import type { StatusCondition } from '../polyaxon/types';
import type { LaunchOutcome, StatusChange } from './launchFollower';

/** From about this long in queued/starting, the progress says what usually holds a service back. */
export const SLOW_START_MS = 2 * 60_000;

export const USUAL_CAUSES = "this usually means the cluster is full, the project's quota is used up, or the Polyaxon agent is down";

/** 75 000 → "1:15"; 3 725 000 → "1:02:05". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The progress line: status, Polyaxon's words for it, the time spent, and from SLOW_START_MS the usual causes. */
export function progressMessage(change: StatusChange | undefined, elapsedMs: number): string {
  const status = change?.status ?? 'created, waiting for the cluster';
  const said = conditionText(change?.condition, 'short');
  const slow = elapsedMs >= SLOW_START_MS ? ` (${USUAL_CAUSES}; Cancel to stop it)` : '';
  return `${status}${said ? `: ${said}` : ''} · ${formatElapsed(elapsedMs)}${slow}`;
}

export type OutcomeAction = 'Stop Service' | 'Show Logs' | 'Open Polyaxonfile' | 'Open in Polyaxon UI';

export interface OutcomeNotice {
  message: string;
  /** The main action first. */
  actions: OutcomeAction[];
  severity: 'error' | 'warning';
  /** Where Open Polyaxonfile puts the cursor (a compile error's key path). */
  fixAt?: readonly string[];
}

const OUTCOME_TEXT: Record<Exclude<LaunchOutcome['kind'], 'running' | 'cancelled'>, string> = {
  failed: 'failed',
  stopped: 'ended before it was running',
  unschedulable: 'cannot be scheduled on the cluster (not enough resources, or a node selector no node matches)',
  warning: 'is in trouble (often the image cannot be pulled)',
  timeout: 'is not running after 10 minutes',
};

/** Statuses in which a container has started, so logs can exist. */
const WITH_CONTAINER = new Set(['running', 'processing', 'warning', 'stopping', 'succeeded']);

/**
 * Whether the run's container ever ran, from its status history. Not from started_at: Polyaxon sets it to
 * created_at when a run that never started ends (coredb RunLifeCycle.set_finished_at).
 */
export function containerStarted(conditions: readonly StatusCondition[] | null | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'running');
}

/**
 * A launch that did not end running. A run still waiting is costing a place in the queue: Stop comes first.
 * A compile error names what to change in the polyaxonfile. Show Logs only when a container has started.
 */
export function outcomeNotice(outcome: LaunchOutcome, what: string, started: boolean): OutcomeNotice {
  const kind = outcome.kind as keyof typeof OUTCOME_TEXT;
  const compile = translateCompileError(outcome.condition?.message);
  if (compile) {
    const actions: OutcomeAction[] = ['Open Polyaxonfile', 'Open in Polyaxon UI'];
    return { message: `${what} failed: ${compile.text}.`, actions, severity: 'error', fixAt: compile.fixAt };
  }
  const said = conditionText(outcome.condition);
  const still = kind === 'timeout' ? ` (still ${outcome.status ?? 'unknown'}; ${USUAL_CAUSES})` : '';
  const message = `${what} ${OUTCOME_TEXT[kind]}${still}${said ? `. Polyaxon says: ${said}` : '.'}`;
  const hasLogs = started || WITH_CONTAINER.has(String(outcome.status));
  const logs: OutcomeAction[] = hasLogs ? ['Show Logs'] : [];
  const actions: OutcomeAction[] = isStoppable(outcome.status)
    ? ['Stop Service', ...logs, 'Open in Polyaxon UI']
    : [...logs, 'Open in Polyaxon UI'];
  return { message, actions, severity: kind === 'failed' ? 'error' : 'warning' };
}

/** Polyaxon's reason and message (or only one of them, `short`), with a known compile error translated. */
export function conditionText(condition: StatusCondition | undefined, length: 'full' | 'short' = 'full'): string {
  const compile = translateCompileError(condition?.message);
  if (compile) return compile.text;
  return length === 'short' ? conditionLine({ message: condition?.message || condition?.reason }) : conditionLine(condition);
}
