// The services status bar item as text (no vscode: unit-tested): labelled counts, and the same in words.
import type { ServiceCounts } from '../runs/servicesSnapshot';

export interface StatusBarText {
  /** "$(vm-running) 1 running · 1 starting · 1 failed" */
  text: string;
  /** "1 running, 1 starting, 1 failed in the last hour" */
  summary: string;
}

export function servicesStatusText(counts: ServiceCounts): StatusBarText {
  const parts = [`${counts.running} running`];
  if (counts.starting > 0) parts.push(`${counts.starting} starting`);
  if (counts.recentlyFailed > 0) parts.push(`${counts.recentlyFailed} failed`);
  const summary = parts.join(', ') + (counts.recentlyFailed > 0 ? ' in the last hour' : '');
  return { text: `$(vm-running) ${parts.join(' · ')}`, summary };
}

/** The item when the project(s) to list do not exist on the server: said on the item, and a click offers to fix it. */
export function projectMissingText(projects: readonly string[], host: string): StatusBarText {
  const names = projects.map((p) => `"${p}"`).join(', ');
  const summary = `Polyaxon: the project ${names} does not exist on ${host}. Click to create or select a project.`;
  return { text: '$(warning) Polyaxon: project missing', summary };
}
