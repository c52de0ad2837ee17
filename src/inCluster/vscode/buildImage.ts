// Build and Push Dev Image…: builds a dev Dockerfile (adding this extension to a VS Code image) and pushes the image in VS Code
// tasks, then offers to launch a service with it.
import { KIND_LABEL } from '../../presentation/runWording';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CommandId } from '../../shared/commandIds';
import {
  buildAndPushSteps,
  checkImageName,
  DEV_DOCKERFILE_GLOB,
  DevImageKind,
  dockerfileProblem,
  dockerfileKind,
  gcpProjectFromEnv,
  PROJECT_PLACEHOLDER,
  suggestImage,
  type Step,
} from '../devImage';
import { writeBakeContext } from '../bakeExtension';
import { isInsideService } from '../runInstance';
import { setContext } from '../../servicesView/contextKeys';
import { notify, type CommandDeps, type DevEnvDeps } from './devEnvDeps';
import { processExecution, runTask } from '../../workbench/vscode/tasks';

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

const LAUNCH_COMMAND: Record<DevImageKind, CommandId> = { vscode: 'polyaxon.launchVSCode', jupyter: 'polyaxon.launchJupyter' };
const imageKey = (kind: DevImageKind) => `polyaxon.devImage.${kind}`;

export async function buildImage(deps: CommandDeps, args: Partial<BuildArgs> = {}): Promise<BuildResult | undefined> {
  if (isInsideService(deps.env)) {
    notify(
      deps,
      'warning',
      'Docker is not available here: this VS Code runs in a Polyaxon service, which is a Kubernetes pod, and Docker inside pods is not feasible by default (Docker-in-Docker should be avoided). Build and push the image from your own machine, then launch the service with it.',
    );
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
  const problem = dockerfileProblem(dockerfile);
  if (problem) {
    notify(deps, 'error', problem);
    return undefined;
  }
  const kind = args.kind ?? dockerfileKind(dockerfile) ?? (await pickKind());
  if (!kind) return undefined;
  const image = await askImage(deps, kind, args.image);
  if (!image) return undefined;
  await deps.context.workspaceState.update(imageKey(kind), image);

  const relative = path.relative(root, dockerfile);
  const file = relative.startsWith('..') || path.isAbsolute(relative) ? dockerfile : relative;
  deps.log.info(`Building and pushing ${image} from ${file}`);
  // A VS Code image also gets this extension, installed by the service before code-server starts (offline): the
  // in-cluster commands (Clone Repository, Activate Service Account) are then there without the user doing anything.
  let bakeContext: string | undefined;
  if (kind === 'vscode') {
    try {
      bakeContext = await writeBakeContext(deps.context.extensionUri.fsPath, image);
    } catch (e) {
      notify(
        deps,
        'error',
        `Could not pack Polyaxon Dev Environments to add it to the image: ${e instanceof Error ? e.message : String(e)}`,
      );
      return undefined;
    }
  }
  try {
    const failed = await runSteps(deps, folder, { kind, image }, buildAndPushSteps(image, file, bakeContext));
    if (failed) return { kind, image, exitCode: failed.exitCode };
  } finally {
    if (bakeContext) await fs.rm(bakeContext, { recursive: true, force: true });
  }
  await deps.rememberImage(kind, image);
  void setContext('polyaxon.imageBuilt', true);
  const LAUNCH = `Launch ${KIND_LABEL[kind]} with this image`;
  const launch = args.launch ?? (await deps.prompts.choose(`Pushed ${image}.`, [LAUNCH] as const)) === LAUNCH;
  if (launch) await vscode.commands.executeCommand(LAUNCH_COMMAND[kind], { params: { DOCKER_IMAGE: image } });
  return { kind, image, exitCode: 0 };
}

/**
 * Runs docker itself with its arguments, no shell between (a quote in a file name cannot end an argument), one task
 * per step, each only when the one before succeeded. docker is looked up on the PATH VS Code was started with.
 * Returns the failed step's exit code, or undefined when all succeeded.
 */
async function runSteps(
  deps: DevEnvDeps,
  folder: vscode.WorkspaceFolder,
  definition: { kind: DevImageKind; image: string },
  steps: Step[],
): Promise<{ exitCode: number | undefined } | undefined> {
  for (const step of steps) {
    const task = new vscode.Task(
      { type: 'polyaxon-image', ...definition },
      folder,
      step.title,
      'Polyaxon',
      processExecution(step, { cwd: folder.uri.fsPath }),
      [],
    );
    const exitCode = await runTask(task);
    if (exitCode !== 0) {
      notify(
        deps,
        'error',
        `${step.title} failed (exit code ${exitCode ?? 'unknown'}); see the task's terminal. If the push was denied, run "gcloud auth configure-docker asia.gcr.io" and try again.`,
      );
      return { exitCode };
    }
  }
  return undefined;
}

async function pickDockerfile(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DEV_DOCKERFILE_GLOB));
  const OTHER = 'Other Dockerfile…';
  const items = [
    ...found.map((uri) => ({
      label: path.basename(uri.fsPath),
      description: dockerfileKind(uri.fsPath) === 'vscode' ? 'VS Code service' : 'Jupyter Lab service',
      uri,
    })),
    {
      label: OTHER,
      description: found.length ? '' : 'no docker/*-poly-vscode.Dockerfile or docker/*-jupyter.Dockerfile here',
      uri: undefined,
    },
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
  const picked = await vscode.window.showQuickPick(items, { title: 'Which service is this image for?', ignoreFocusOut: true });
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
    title: `Build and Push Dev Image: ${KIND_LABEL[kind]} image`,
    prompt: 'Image name and tag to build and push, for example asia.gcr.io/<gcp-project-id>/vscode-server:0.1.0',
    value,
    valueSelection: placeholder >= 0 ? [placeholder, placeholder + PROJECT_PLACEHOLDER.length] : undefined,
    ignoreFocusOut: true,
    validateInput: checkImageName,
  });
  return image?.trim();
}
