// What a service row of the tree says, as plain text (no vscode: unit-tested). The tree compares these texts to
// decide which rows changed, so a steady row is never redrawn (a redraw closes its open tooltip).
import { statusInfo } from '../polyaxon/statuses';
import type { Run, StatusCondition } from '../polyaxon/types';
import { ageText } from '../presentation/age';
import { latestCondition } from '../polyaxon/conditions';
import { translateCompileError } from '../polyaxon/compileErrors';

export interface ServiceRowText {
  label: string;
  /** "Failed · ImagePullBackOff · 3m ago" */
  description: string;
  accessibility: string;
}

/** Polyaxon's reason for a failure or warning ("ImagePullBackOff"), else its message; undefined for other statuses. */
export function statusReason(status: string | null | undefined, conditions: readonly StatusCondition[] | undefined): string | undefined {
  if (!statusInfo(status).explained || !status) return undefined;
  const condition = latestCondition(conditions, status);
  if (condition?.type !== status) return undefined;
  // The scheduler's reason (`SchedulerPrepare`) says nothing to a user; the compile error it carries does.
  const compile = translateCompileError(condition.message);
  const text = (compile?.short || condition.reason || condition.message || '').trim();
  return text ? oneLine(text) : undefined;
}

export function serviceRowText(run: Run, o: { isCurrent: boolean; reason?: string; now: number }): ServiceRowText {
  const status = statusInfo(run.status).label;
  const parts = [o.isCurrent ? 'this environment' : '', status, o.reason ?? '', ageText(run, o.now)];
  const name = run.name ?? run.uuid;
  return {
    label: run.name ?? run.uuid.slice(0, 8),
    description: parts.filter(Boolean).join(' · '),
    accessibility: [name, status, o.reason].filter(Boolean).join(', '),
  };
}

/** Long server messages stay readable in a row: the first line, at most 60 characters. */
function oneLine(text: string): string {
  const line = text.split(/\r?\n/)[0];
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
