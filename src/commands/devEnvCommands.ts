import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { checkCloneUrl, checkUserName, cloneCommand, cloneDoneMarker, cloneTarget, DEFAULT_WORKSPACE_ROOT, repoNameFromUrl, workspaceSetupCommand } from '../devenv/cloneTarget';
import { buildAndPushCommand, checkImageName, DEV_DOCKERFILE_GLOB, DevImageKind, dockerfileKind, gcpProjectFromEnv, PROJECT_PLACEHOLDER, suggestImage } from '../devenv/devImage';
import { isInsideService } from '../devenv/runInstance';
import { activateCommand, findOnPath, parseServiceAccountKey } from '../devenv/serviceAccountKey';
import { ensureWritableDir } from '../devenv/userDir';
import { exists, waitForPath } from '../devenv/waitForPath';
import { toggleGitTerminalAuthentication } from '../ui/gitTerminalAuth';
import type { Prompts } from '../ui/prompts';

export interface DevEnvDeps {
  context: Pick<vscode.ExtensionContext, 'globalState' | 'workspaceState'>;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
  env: NodeJS.ProcessEnv;
  rememberImage(kind: DevImageKind, image: string): Promise<void>;
}

/** Runs a command line in a new terminal, where git and gcloud can ask the user for credentials. Tests swap it. */
export interface TerminalLauncher {
  run(command: string, options: { name: string; cwd?: string; env?: Record<string, string>; closed?: AbortController }): void;
}

export type CommandDeps = DevEnvDeps & { terminals: TerminalLauncher };

export const windowTerminals: TerminalLauncher = {
  run(command, { name, cwd, env, closed }) {
    const terminal = vscode.window.createTerminal({ name, cwd, env });
    if (closed) {
      const listener = vscode.window.onDidCloseTerminal((t) => {
        if (t !== terminal) return;
        listener.dispose();
        closed.abort();
      });
    }
    terminal.show();
    terminal.sendText(command);
  },
};

export function registerDevEnvCommands(deps: DevEnvDeps): vscode.Disposable[] {
  const full: CommandDeps = { ...deps, terminals: windowTerminals };
  return [
    vscode.commands.registerCommand('polyaxon.toggleGitTerminalAuthentication', () => toggleGitTerminalAuthentication(deps)),
    vscode.commands.registerCommand('polyaxon.cloneRepository', (args?: unknown) => cloneRepository(full, argsObject<CloneArgs>(args))),
    vscode.commands.registerCommand('polyaxon.activateServiceAccount', (args?: unknown) => activateServiceAccount(full, argsObject<ActivateArgs>(args))),
    vscode.commands.registerCommand('polyaxon.buildImage', (args?: unknown) => buildImage(full, argsObject<BuildArgs>(args))),
  ];
}

/** Menus pass a Uri or a tree item; only a plain object is an args object. */
function argsObject<T>(value: unknown): Partial<T> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? (value as Partial<T>) : {};
}

/** A message without actions: not awaited, so a command never waits for a notification to be dismissed. */
function notify(deps: DevEnvDeps, severity: 'info' | 'warning' | 'error', message: string): void {
  deps.log[severity === 'warning' ? 'warn' : severity](message);
  void deps.prompts.choose(message, [], { severity });
}

// ---- Clone Repository into Workspace… ----

export interface CloneArgs {
  url: string;
  name: string;
  /** false: do not offer to open the clone; true: open it without asking. */
  open: boolean;
}
export interface CloneResult {
  target: string;
  /** false when the target already existed, or the clone did not finish in time. */
  cloned: boolean;
}

const USER_NAME_KEY = 'polyaxon.workspaceUserName';
const CLONE_TIMEOUT_MS = 15 * 60_000;
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
  const closed = new AbortController();
  deps.terminals.run(cloneCommand(url, target), { name: `Clone ${repo}`, cwd: userDir, closed });
  const cloned = await waitForPath(cloneDoneMarker(target), { timeoutMs: CLONE_TIMEOUT_MS, signal: closed.signal });
  if (!cloned) {
    deps.log.warn(`No finished clone at ${target} (terminal closed or ${CLONE_TIMEOUT_MS / 60_000} minutes passed).`);
    return { target, cloned: false };
  }
  await offerOpen(deps, `Cloned ${repo} into ${target}.`, target, args.open);
  return { target, cloned: true };
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

// ---- Activate Cloud Service Account ----

export interface ActivateArgs {
  /** Defaults to polyaxon.gcloud.serviceAccount, then the key file's client_email. */
  account: string;
  /** Defaults to $GOOGLE_APPLICATION_CREDENTIALS. */
  keyFile: string;
}

/** Returns the command sent to the terminal, or undefined when something is missing (the user is told what). */
export async function activateServiceAccount(deps: CommandDeps, args: Partial<ActivateArgs> = {}): Promise<string | undefined> {
  const keyFile = args.keyFile ?? deps.env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (!keyFile) {
    notify(deps, 'error', 'GOOGLE_APPLICATION_CREDENTIALS is not set, so there is no service-account key to activate. Polyaxon sets it when the service\'s polyaxonfile attaches the GCP service-account secret; ask your cluster admin to attach it.');
    return undefined;
  }
  const source = args.keyFile === undefined ? ` (from $GOOGLE_APPLICATION_CREDENTIALS)` : '';
  let text: string;
  try {
    text = await fs.readFile(keyFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist. Is the service-account secret mounted in this service?' : code === 'EACCES' ? 'cannot be read (permission denied).' : `cannot be read (${(err as Error).message}).`;
    notify(deps, 'error', `The key file ${keyFile}${source} ${why}`);
    return undefined;
  }
  const key = parseServiceAccountKey(text);
  if (!key.ok) {
    notify(deps, 'error', `${keyFile}${source} is not a service-account key: ${key.reason}.`);
    return undefined;
  }
  if (!(await findOnPath('gcloud', deps.env))) {
    notify(deps, 'error', 'gcloud is not on PATH. The images built from the template\'s Dockerfiles include the Cloud SDK; add it to your image, or install it and reopen the terminal.');
    return undefined;
  }
  const account = args.account || vscode.workspace.getConfiguration('polyaxon').get<string>('gcloud.serviceAccount') || key.clientEmail;
  const command = activateCommand(account, keyFile, args.keyFile === undefined);
  deps.log.info(`Activating service account ${account} with ${keyFile}`);
  // The variable is passed on so that the command works even if the terminal's environment lacks it.
  deps.terminals.run(command, { name: 'gcloud', env: { GOOGLE_APPLICATION_CREDENTIALS: keyFile } });
  return command;
}

// ---- Build and Push Dev Image… ----

export interface BuildArgs {
  /** Path of the Dockerfile, absolute or relative to the workspace folder. */
  dockerfile: string;
  image: string;
  kind: DevImageKind;
  /** false: do not offer to launch a service with the image; true: launch without asking. */
  launch: boolean;
}
export interface BuildResult {
  kind: DevImageKind;
  image: string;
  exitCode: number | undefined;
}

const LAUNCH_COMMAND: Record<DevImageKind, string> = { vscode: 'polyaxon.launchVSCode', jupyter: 'polyaxon.launchJupyter' };
const SERVICE_LABEL: Record<DevImageKind, string> = { vscode: 'Cluster VSCode', jupyter: 'Jupyter Lab' };
const imageKey = (kind: DevImageKind) => `polyaxon.devImage.${kind}`;

export async function buildImage(deps: CommandDeps, args: Partial<BuildArgs> = {}): Promise<BuildResult | undefined> {
  if (isInsideService(deps.env)) {
    notify(deps, 'warning', 'Docker is not available here: this VS Code runs in a Polyaxon service, which is a Kubernetes pod, and Docker inside pods is not feasible by default (Docker-in-Docker should be avoided). Build and push the image from your own machine, then launch the service with it.');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    notify(deps, 'error', 'Open your repository folder first: the image is built from its root (docker build … .).');
    return undefined;
  }
  const root = folder.uri.fsPath;
  const dockerfile = args.dockerfile ? path.resolve(root, args.dockerfile) : await pickDockerfile(folder);
  if (!dockerfile) return undefined;
  const kind = args.kind ?? dockerfileKind(dockerfile) ?? (await pickKind());
  if (!kind) return undefined;
  const image = await askImage(deps, kind, args.image);
  if (!image) return undefined;
  await deps.context.workspaceState.update(imageKey(kind), image);

  const relative = path.relative(root, dockerfile);
  const file = relative.startsWith('..') || path.isAbsolute(relative) ? dockerfile : relative;
  const task = new vscode.Task(
    { type: 'polyaxon-image', kind, image },
    folder,
    `Build and push ${image}`,
    'Polyaxon',
    new vscode.ShellExecution(buildAndPushCommand(image, file), { cwd: root }),
    [],
  );
  deps.log.info(`Building and pushing ${image} from ${file}`);
  const exitCode = await runTask(task);
  if (exitCode !== 0) {
    notify(deps, 'error', `Building or pushing ${image} failed (exit code ${exitCode ?? 'unknown'}); see the task's terminal. If the push was denied, run "gcloud auth configure-docker asia.gcr.io" and try again.`);
    return { kind, image, exitCode };
  }
  await deps.rememberImage(kind, image);
  const LAUNCH = `Launch ${SERVICE_LABEL[kind]} with this image`;
  const launch = args.launch ?? (await deps.prompts.choose(`Pushed ${image}.`, [LAUNCH] as const)) === LAUNCH;
  if (launch) await vscode.commands.executeCommand(LAUNCH_COMMAND[kind], { params: { DOCKER_IMAGE: image } });
  return { kind, image, exitCode };
}

async function runTask(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    // Matched by name and source (the name holds the image): the end event may come before executeTask resolves.
    const listener = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name !== task.name || e.execution.task.source !== task.source) return;
      listener.dispose();
      resolve(e.exitCode);
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

async function pickDockerfile(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DEV_DOCKERFILE_GLOB));
  const OTHER = 'Other Dockerfile…';
  const items = [
    ...found.map((uri) => ({ label: path.basename(uri.fsPath), description: dockerfileKind(uri.fsPath) === 'vscode' ? 'VS Code service' : 'Jupyter Lab service', uri })),
    { label: OTHER, description: found.length ? '' : 'no docker/*-poly-vscode.Dockerfile or docker/*-jupyter.Dockerfile here', uri: undefined },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Build and Push Dev Image: Dockerfile', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri.fsPath;
  const chosen = await vscode.window.showOpenDialog({ defaultUri: folder.uri, canSelectMany: false, openLabel: 'Build This Dockerfile' });
  return chosen?.[0]?.fsPath;
}

async function pickKind(): Promise<DevImageKind | undefined> {
  const items: (vscode.QuickPickItem & { imageKind: DevImageKind })[] = [
    { label: 'VS Code service', imageKind: 'vscode' },
    { label: 'Jupyter Lab service', imageKind: 'jupyter' },
  ];
  const picked = await vscode.window.showQuickPick(
    items,
    { title: 'Which service is this image for?', ignoreFocusOut: true },
  );
  return picked?.imageKind;
}

async function askImage(deps: DevEnvDeps, kind: DevImageKind, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) {
    const problem = checkImageName(given);
    if (problem) notify(deps, 'error', problem);
    return problem ? undefined : given.trim();
  }
  const other: DevImageKind = kind === 'vscode' ? 'jupyter' : 'vscode';
  const value =
    deps.context.workspaceState.get<string>(imageKey(kind)) ??
    suggestImage(kind, { otherImage: deps.context.workspaceState.get<string>(imageKey(other)), gcpProject: gcpProjectFromEnv(deps.env) });
  const placeholder = value.indexOf(PROJECT_PLACEHOLDER);
  const image = await vscode.window.showInputBox({
    title: `Build and Push Dev Image: ${SERVICE_LABEL[kind]} image`,
    prompt: 'Image name and tag to build and push, for example asia.gcr.io/<gcp-project-id>/vscode-server:0.1.0',
    value,
    valueSelection: placeholder >= 0 ? [placeholder, placeholder + PROJECT_PLACEHOLDER.length] : undefined,
    ignoreFocusOut: true,
    validateInput: checkImageName,
  });
  return image?.trim();
}
