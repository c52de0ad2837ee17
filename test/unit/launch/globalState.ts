import type * as vscode from 'vscode';

/** The one part of the context the recent-choice stores use: globalState, kept in a Map as VS Code keeps it (as JSON). */
export function contextWithState(): vscode.ExtensionContext {
  const values = new Map<string, unknown>();
  const globalState = {
    get: <T>(key: string, fallback: T): T => (values.has(key) ? (values.get(key) as T) : fallback),
    update: (key: string, value: unknown) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
  };
  return { globalState } as unknown as vscode.ExtensionContext;
}
