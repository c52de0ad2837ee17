import * as vscode from 'vscode';
import { isPolyaxonError } from '../polyaxon/errors';

/** The follow-up a person can take for each kind of failure. */
function actionsFor(error: unknown): { title: string; command: string; args?: unknown[] }[] {
  if (!isPolyaxonError(error)) return [{ title: 'Show Log', command: 'polyaxon.showOutput' }];
  switch (error.kind) {
    case 'tls':
      return [
        // Test Connection explains a certificate problem and offers to trust the CA or allow insecure connections.
        ...(error.certificate ? [{ title: 'Trust or Skip Certificate…', command: 'polyaxon.testConnection' }] : []),
        { title: 'Open TLS Settings', command: 'workbench.action.openSettings', args: ['polyaxon.tls'] },
        { title: 'Configure Connection', command: 'polyaxon.configureConnection' },
      ];
    case 'unreachable':
    case 'timeout':
    case 'notPolyaxon':
      return [
        { title: 'Configure Connection', command: 'polyaxon.configureConnection' },
        { title: 'Show Log', command: 'polyaxon.showOutput' },
      ];
    case 'unauthorized':
    case 'forbidden':
      return [{ title: 'Configure Connection', command: 'polyaxon.configureConnection' }];
    case 'projectNotFound':
      return [{ title: 'Select Project', command: 'polyaxon.selectProject' }];
    default:
      return [{ title: 'Show Log', command: 'polyaxon.showOutput' }];
  }
}

/** Wraps a command so a failure becomes one actionable error message (and a log line) instead of a stack trace. */
export function reportingErrors<A extends unknown[], R>(log: vscode.LogOutputChannel, id: string, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (isPolyaxonError(error, 'cancelled')) return undefined;
      const message = error instanceof Error ? error.message : String(error);
      log.error(`${id}: ${message}`);
      const actions = actionsFor(error);
      void vscode.window.showErrorMessage(`Polyaxon: ${message}`, ...actions.map((a) => a.title)).then((picked) => {
        const action = actions.find((a) => a.title === picked);
        if (action) void vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      });
      return undefined;
    }
  };
}
