import * as vscode from 'vscode';
import { isInsideService } from '../runInstance';
import type { Prompts } from '../../workbench/vscode/windowPrompts';

export interface GitTerminalAuthDeps {
  context: Pick<vscode.ExtensionContext, 'globalState'>;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
  env: NodeJS.ProcessEnv;
}

const RECREATE = 'Recreate Terminals';
const NOTICE_SHOWN_KEY = 'polyaxon.git.terminalAuthNoticeShown';

function gitConfig() {
  return vscode.workspace.getConfiguration('git');
}

function currentValue(): boolean {
  return gitConfig().get<boolean>('terminalAuthentication', true);
}

/**
 * Inside a Polyaxon service, turns `git.terminalAuthentication` off (user settings) so that `git clone`/`push`
 * over HTTPS ask for credentials in the terminal, as the AISG guide tells users to do by hand.
 * Quick and offline: it runs during activation.
 */
export async function applyInClusterGitSetting(deps: GitTerminalAuthDeps): Promise<void> {
  if (!isInsideService(deps.env)) return;
  if (!vscode.workspace.getConfiguration('polyaxon').get<boolean>('git.manageTerminalAuthentication', true)) return;
  if (currentValue() === false) return;
  await gitConfig().update('terminalAuthentication', false, vscode.ConfigurationTarget.Global);
  deps.log.info('Inside a Polyaxon service: set git.terminalAuthentication to false (user settings).');
  if (deps.context.globalState.get<boolean>(NOTICE_SHOWN_KEY)) return;
  await deps.context.globalState.update(NOTICE_SHOWN_KEY, true);
  // Not awaited: activation must not wait for the user.
  void offerRecreate(
    deps,
    'Polyaxon turned off Git terminal authentication so that git over HTTPS asks for your credentials in the terminal. Terminals opened before keep the old behaviour.',
  );
}

/** The command: flips the setting, says the new value and offers to recreate the terminals. Returns the new value. */
export async function toggleGitTerminalAuthentication(deps: GitTerminalAuthDeps): Promise<boolean> {
  const enabled = !currentValue();
  await gitConfig().update('terminalAuthentication', enabled, vscode.ConfigurationTarget.Global);
  deps.log.info(`git.terminalAuthentication set to ${enabled} (user settings).`);
  const effect = enabled
    ? "VS Code answers git's credential prompts in its terminals"
    : 'git over HTTPS asks for your credentials in the terminal';
  let message = `Git terminal authentication is ${enabled ? 'on' : 'off'}: ${effect}. Terminals opened before keep the old behaviour.`;
  const polyaxon = vscode.workspace.getConfiguration('polyaxon');
  if (enabled && isInsideService(deps.env) && polyaxon.get<boolean>('git.manageTerminalAuthentication', true)) {
    // Otherwise the next start would turn it off again, against the user's explicit choice.
    await polyaxon.update('git.manageTerminalAuthentication', false, vscode.ConfigurationTarget.Global);
    message += ' Polyaxon will no longer turn it off at start-up.';
  }
  void offerRecreate(deps, message);
  return enabled;
}

async function offerRecreate(deps: GitTerminalAuthDeps, message: string): Promise<void> {
  const choice = await deps.prompts.choose(message, [RECREATE] as const);
  if (choice === RECREATE) recreateTerminals();
}

/** Closes every terminal (ending what runs in them) and opens one in the active terminal's folder. */
function recreateTerminals(): void {
  const model = vscode.window.activeTerminal ?? vscode.window.terminals[0];
  const cwd = model ? terminalCwd(model) : undefined;
  for (const terminal of vscode.window.terminals) terminal.dispose();
  vscode.window.createTerminal({ cwd }).show();
}

/** Shell integration (VS Code ≥ 1.93, newer than our @types) knows the live cwd; else the folder it was opened in. */
function terminalCwd(terminal: vscode.Terminal): string | vscode.Uri | undefined {
  const live = (terminal as { shellIntegration?: { cwd?: vscode.Uri } }).shellIntegration?.cwd;
  const options = terminal.creationOptions;
  return live ?? ('cwd' in options ? options.cwd : undefined);
}
