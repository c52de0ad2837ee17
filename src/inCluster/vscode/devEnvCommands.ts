// The commands for working inside a Polyaxon dev service: clone, activate the service account, build the dev image.
import * as vscode from 'vscode';
import { toggleGitTerminalAuthentication } from './gitTerminalAuth';
import { activateServiceAccount, type ActivateArgs } from './activateServiceAccount';
import { buildImage, type BuildArgs } from './buildImage';
import { cloneRepository, type CloneArgs } from './cloneRepository';
import { keyboardBack } from './keyboardBack';
import { clusterOnly } from './clusterOnly';
import { registerCommands } from '../../workbench/vscode/registerCommands';
import type { CommandDeps, DevEnvDeps, TerminalLauncher } from './devEnvDeps';

export const windowTerminals: TerminalLauncher = {
  run(command, { name, cwd, env }) {
    const terminal = vscode.window.createTerminal({ name, cwd, env });
    terminal.show();
    terminal.sendText(command);
  },
};

export function registerDevEnvCommands(deps: DevEnvDeps): vscode.Disposable[] {
  const full: CommandDeps = { ...deps, terminals: windowTerminals };
  return registerCommands(deps, {
    'polyaxon.toggleGitTerminalAuthentication': () => toggleGitTerminalAuthentication(deps),
    'polyaxon.cloneRepository': (args?: unknown) =>
      clusterOnly(deps, 'Clone Repository into Workspace', 'the shared workspace volume /polyaxon-v1-data is mounted', () =>
        cloneRepository(full, argsObject<CloneArgs>(args)),
      ),
    'polyaxon.activateServiceAccount': (args?: unknown) =>
      clusterOnly(deps, 'Activate Cloud Service Account', "the service account's key is mounted", () =>
        activateServiceAccount(full, argsObject<ActivateArgs>(args)),
      ),
    'polyaxon.buildImage': (args?: unknown) => buildImage(full, argsObject<BuildArgs>(args)),
    'polyaxon.keyboardBack': () => keyboardBack(deps),
  });
}

/** Menus pass a Uri or a tree item; only a plain object is an args object. */
function argsObject<T>(value: unknown): Partial<T> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? value : {};
}
