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
