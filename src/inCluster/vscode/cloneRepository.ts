// Clone Repository into Workspace…: clones in a task (git asks for credentials in its terminal) into
// <workspaceRoot>/<user name>/<repo>, never over an existing folder; reports git's exit code, offers to open the clone.
import * as vscode from 'vscode';
import {
  checkCloneUrl,
  checkUserName,
  cloneCommandLine,
  cloneTarget,
  DEFAULT_WORKSPACE_ROOT,
  repoNameFromUrl,
  workspaceSetupCommand,
} from '../cloneTarget';
import { ensureWritableDir, exists } from '../userDir';
import { notify, type CommandDeps, type DevEnvDeps } from './devEnvDeps';
import { processExecution, runTask } from '../../workbench/vscode/tasks';

export interface CloneArgs {
  url: string;
  name: string;
  /** false: do not offer to open the clone; true: open it without asking. */
  open: boolean;
}
export interface CloneResult {
  target: string;
  /** false when the target already existed, or git failed. */
  cloned: boolean;
  /** git's exit code; undefined when nothing ran, or its terminal was closed first. */
  exitCode?: number;
}

const USER_NAME_KEY = 'polyaxon.workspaceUserName';
const OPEN_FOLDER = 'Open Folder';

export async function cloneRepository(deps: CommandDeps, args: Partial<CloneArgs> = {}): Promise<CloneResult | undefined> {
  const url = await askCloneUrl(deps, args.url);
  if (!url) return undefined;
  const name = await askUserName(deps, args.name);
  if (!name) return undefined;
  const repo = repoNameFromUrl(url) as string; // checkCloneUrl guarantees it
  const root = vscode.workspace.getConfiguration('polyaxon').get<string>('workspaceRoot') || DEFAULT_WORKSPACE_ROOT;
  const { userDir, target } = cloneTarget(root, name, repo);

  if (await exists(target)) {
    await offerOpen(deps, `${target} already exists, so nothing was cloned (an existing clone is never overwritten).`, target, args.open);
    return { target, cloned: false };
  }
  const problem = await ensureWritableDir(userDir);
  if (problem) {
    await offerWorkspaceSetup(deps, userDir, problem);
    return undefined;
  }

  deps.log.info(`Cloning ${url} into ${target}`);
  const scope = vscode.workspace.workspaceFolders?.[0] ?? vscode.TaskScope.Workspace;
  const task = new vscode.Task(
    { type: 'polyaxon-clone', url, target },
    scope,
    `Clone ${repo} into ${target}`,
    'Polyaxon',
    processExecution(cloneCommandLine(url, target), { cwd: userDir }),
    [],
  );
  const exitCode = await runTask(task);
  if (exitCode !== 0) {
    notify(
      deps,
      'error',
      `Cloning ${url} failed (${exitCode === undefined ? 'its terminal was closed' : `git exit code ${exitCode}`}); see the task's terminal for git's message. Check the URL and your credentials, then try again.`,
    );
    return { target, cloned: false, exitCode };
  }
  await offerOpen(deps, `Cloned ${repo} into ${target}.`, target, args.open);
  return { target, cloned: true, exitCode };
}

async function askCloneUrl(deps: DevEnvDeps, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) {
    const check = checkCloneUrl(given);
    if (check.ok) return check.url;
    notify(deps, 'error', check.reason);
    return undefined;
  }
  const input = await vscode.window.showInputBox({
    title: 'Clone Repository into Workspace (1/2)',
    prompt: 'HTTPS URL of the repository. Git asks for your credentials in the terminal.',
    placeHolder: 'https://github.com/org/repo.git',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkCloneUrl(value);
      return check.ok ? undefined : check.reason;
    },
  });
  return input === undefined ? undefined : input.trim();
}

async function askUserName(deps: DevEnvDeps, given: string | undefined): Promise<string | undefined> {
  const name =
    given ??
    (await vscode.window.showInputBox({
      title: 'Clone Repository into Workspace (2/2)',
      prompt: 'Your name: your clones go into a folder with this name on the shared workspace.',
      value: deps.context.globalState.get<string>(USER_NAME_KEY),
      ignoreFocusOut: true,
      validateInput: checkUserName,
    }));
  if (name === undefined) return undefined;
  const problem = checkUserName(name);
  if (problem) {
    notify(deps, 'error', problem);
    return undefined;
  }
  await deps.context.globalState.update(USER_NAME_KEY, name.trim());
  return name.trim();
}

async function offerWorkspaceSetup(deps: CommandDeps, userDir: string, problem: string): Promise<void> {
  const command = workspaceSetupCommand(userDir);
  const message = `Cannot create ${userDir} (${problem}). The shared workspaces folder is owned by root; create your folder once with: ${command}`;
  deps.log.error(message);
  const RUN = 'Run in Terminal';
  const COPY = 'Copy Commands';
  const choice = await deps.prompts.choose(message, [RUN, COPY] as const, { severity: 'error' });
  if (choice === RUN) {
    deps.terminals.run(command, { name: 'Workspace setup' });
    notify(deps, 'info', 'When the commands have finished, run "Clone Repository into Workspace…" again.');
  } else if (choice === COPY) {
    await vscode.env.clipboard.writeText(command);
  }
}

async function offerOpen(deps: DevEnvDeps, message: string, target: string, open: boolean | undefined): Promise<void> {
  deps.log.info(message);
  const chosen = open ?? (await deps.prompts.choose(message, [OPEN_FOLDER] as const)) === OPEN_FOLDER;
  if (open === false) notify(deps, 'info', message);
  if (chosen) await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(target));
}
