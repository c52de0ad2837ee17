import * as vscode from 'vscode';
import type { ServicesState } from '../services/servicesModel';

interface ContextKeys {
  'polyaxon.loaded': boolean;
  'polyaxon.state': ServicesState;
  'polyaxon.inCluster': boolean;
  /** The Jupyter extension is installed: shows "Use as Notebook Kernel…". */
  'polyaxon.jupyterAvailable': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
