import * as vscode from 'vscode';
import type { ServicesState } from '../services/servicesModel';

/**
 * What the Services view shows when it has no rows; drives the `viewsWelcome` entries in package.json.
 * `reconnecting`: the managed port-forward is restarting, so a failure is expected and not an error.
 */
export type ViewState = ServicesState | 'reconnecting';

interface ContextKeys {
  'polyaxon.loaded': boolean;
  'polyaxon.state': ViewState;
  'polyaxon.inCluster': boolean;
  /** The Jupyter extension is installed: shows "Use as Notebook Kernel…". */
  'polyaxon.jupyterAvailable': boolean;
  /** The walkthrough's ticks: the server answered, a project is set, one of the listed services is running. */
  'polyaxon.connected': boolean;
  'polyaxon.projectChosen': boolean;
  'polyaxon.serviceRunning': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
