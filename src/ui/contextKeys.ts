import * as vscode from 'vscode';

/** What the Services view shows when it has no rows; drives the `viewsWelcome` entries in package.json. */
export type ViewState = 'loading' | 'notConfigured' | 'noProject' | 'unreachable' | 'reconnecting' | 'unauthorized' | 'empty' | 'ok';

interface ContextKeys {
  'polyaxon.loaded': boolean;
  'polyaxon.state': ViewState;
  'polyaxon.inCluster': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
