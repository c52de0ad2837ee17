import * as vscode from 'vscode';
import type { DevImageKind } from '../devImage';
import type { Prompts } from '../../workbench/vscode/windowPrompts';

export interface DevEnvDeps {
  context: Pick<vscode.ExtensionContext, 'globalState' | 'workspaceState' | 'extensionUri'>;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
  env: NodeJS.ProcessEnv;
  rememberImage(kind: DevImageKind, image: string): Promise<void>;
}

/** Runs a command line in a new terminal, where git and gcloud can ask the user for credentials. Tests swap it. */
export interface TerminalLauncher {
  run(command: string, options: { name: string; cwd?: string; env?: Record<string, string> }): void;
}

export type CommandDeps = DevEnvDeps & { terminals: TerminalLauncher };

/** A message without actions: not awaited, so a command never waits for a notification to be dismissed. */
export function notify(deps: DevEnvDeps, severity: 'info' | 'warning' | 'error', message: string): void {
  deps.log[severity === 'warning' ? 'warn' : severity](message);
  void deps.prompts.choose(message, [], { severity });
}
