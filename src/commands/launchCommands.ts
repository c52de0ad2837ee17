// Launch Cluster VSCode / Jupyter Lab / any service polyaxonfile: choose the file, fill the form (or take
// `args.params`), check it like the CLI does, POST it, then follow the run until it runs or fails.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Connection, ConnectionProvider } from '../connection/types';
import type { Refresher, ServiceOpener } from '../ui/ports';
import type { ProjectRef, RunRef } from '../polyaxon/types';
import { isPolyaxonError } from '../polyaxon/errors';
import type { Run } from '../polyaxon/types';
import { isV2 } from '../polyaxon/version';
import {
  buildCreateBody, checkParams, findServicePolyaxonfiles, formatProblem, launchInputs, loadServicePolyaxonfile, PolyaxonfileError, serviceKindOf,
  type Polyaxonfile, type Problem,
} from '../polyaxonfile';
import { ACTIVE_SERVICES_QUERY } from '../polyaxon/statuses';
import { followLaunch, sleep, type LaunchOutcome } from '../services/launchFollower';
import { createOnce } from '../services/createOnce';
import { LaunchGuard, launchKey, sameKindActive } from '../services/launchGuard';
import type { ServiceKind } from '../polyaxon/serviceKind';
import { followWithProgress, openService, showLaunchOutcome, type OpenOnLaunch } from '../ui/launchOutcome';
import { runLaunchWizard } from '../ui/launchWizard';
import { pickPolyaxonfile, pickServiceFile } from '../ui/polyaxonfileStep';
import { choosePolyaxonfile, type LaunchKind } from '../polyaxonfile/choice';
import type { Prompts } from '../ui/prompts';
import { recentImages, rememberImage } from '../ui/recentImages';
import { ProjectNode } from '../ui/servicesTree';

export type { OpenOnLaunch };

/**
 * Arguments for keybindings, other extensions and tests. With `params` the launch asks nothing: the project is
 * `project` or `polyaxon.project`, and problems are thrown instead of shown.
 */
export interface LaunchArgs {
  project?: string;
  params?: Record<string, string>;
  polyaxonfile?: string;
  name?: string;
  open?: OpenOnLaunch;
  /** When a service of the same kind is already up: ask (default with the form), open it, or launch another (default with `params`). */
  reuse?: 'ask' | 'open' | 'launch';
}

export interface LaunchDeps {
  context: vscode.ExtensionContext;
  connections: ConnectionProvider;
  opener: ServiceOpener;
  refresher: Refresher;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
  showLogs(ref: RunRef): Promise<void>;
}

/**
 * Each command resolves the Run it ended with: the new one (its `status` tells the outcome: running, failed,
 * unschedulable, …), the already running one the user chose to open, or undefined when nothing was launched.
 * Problems are shown to the user; with `args.params` (no prompts) they are thrown instead.
 */
export function registerLaunchCommands(deps: LaunchDeps): vscode.Disposable[] {
  const guard = new LaunchGuard();
  const launch = (target: Target, arg: unknown): Promise<Run | undefined> => runLaunch(deps, guard, target, toArgs(arg));
  return [
    vscode.commands.registerCommand('polyaxon.launchVSCode', (arg?: unknown) => launch({ kind: 'vscode' }, arg)),
    vscode.commands.registerCommand('polyaxon.launchJupyter', (arg?: unknown) => launch({ kind: 'jupyter' }, arg)),
    // From the explorer or editor title the argument is the file's Uri.
    vscode.commands.registerCommand('polyaxon.launchFromPolyaxonfile', (arg?: unknown) =>
      launch({ file: arg instanceof vscode.Uri ? arg.fsPath : undefined }, arg instanceof vscode.Uri ? undefined : arg)),
  ];
}

interface Target {
  kind?: LaunchKind;
  file?: string;
}

/** Tree project nodes pass themselves; everything else is `LaunchArgs` or nothing. */
function toArgs(arg: unknown): LaunchArgs {
  if (arg instanceof ProjectNode) return { project: arg.ref.project };
  return arg && typeof arg === 'object' ? arg : {};
}

const KIND_LABEL: Record<ServiceKind, string> = { vscode: 'Cluster VSCode', jupyter: 'Cluster Jupyter Lab', other: 'Service' };

async function runLaunch(deps: LaunchDeps, guard: LaunchGuard, target: Target, args: LaunchArgs): Promise<Run | undefined> {
  const quiet = args.params !== undefined;
  try {
    return await launchOrThrow(deps, guard, target, args, quiet);
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    deps.log.error(`Launch failed: ${e instanceof Error ? e.message : String(e)}`);
    if (quiet) throw e;
    void showError(deps, e);
    return undefined;
  }
}

/** Everything a launch needs, checked: nothing invalid gets past here. */
interface LaunchRequest {
  conn: Connection;
  file: string;
  pf: Polyaxonfile;
  kind: ServiceKind;
  label: string;
  project: ProjectRef;
  params: Record<string, string>;
  name?: string;
}

async function launchOrThrow(deps: LaunchDeps, guard: LaunchGuard, target: Target, args: LaunchArgs, quiet: boolean): Promise<Run | undefined> {
  const request = await prepare(deps, target, args, quiet);
  if (!request) return undefined;
  const { conn, project, kind, label } = request;
  const release = guard.tryAcquire(launchKey(conn.host, conn.owner, project.project, kind, request.pf.name));
  if (!release) {
    void vscode.window.showInformationMessage(`A launch of ${label} in ${project.project} is already in progress.`);
    return undefined;
  }
  try {
    const existing = await existingService(deps, request, args.reuse ?? (quiet ? 'launch' : 'ask'));
    if (existing) {
      await openService(deps, { ...project, uuid: existing.uuid }, existing, args.open, label);
      return existing;
    }
    const body = buildCreateBody(request.pf, request.params, { v2: isV2(await deps.connections.installation()) });
    if (request.name) body.name = request.name;
    const created = await createRun(deps, conn, project, body, quiet);
    if (!created) return undefined;
    deps.log.info(`Launched ${label} ${created.name ?? ''} (${created.uuid}) in ${conn.owner}/${project.project} from ${request.file}`);
    deps.refresher.refreshNow();
    const image = request.params.DOCKER_IMAGE ?? launchInputs(request.pf).find((io) => io.name === 'DOCKER_IMAGE')?.default;
    if (image) await rememberImage(deps.context, project.project, kind, image);
    return await follow(deps, conn, { ...project, uuid: created.uuid }, created, label, args.open, request.file);
  } finally {
    release();
  }
}

/** The polyaxonfile, then the project, params and name from the wizard or from `args`. */
async function prepare(deps: LaunchDeps, target: Target, args: LaunchArgs, quiet: boolean): Promise<LaunchRequest | undefined> {
  const conn = await deps.connections.get();
  const given = target.file ?? args.polyaxonfile;
  const chosen = target.kind
    ? await chooseFile(deps, target.kind, given, quiet)
    : { path: given ?? (quiet ? undefined : await pickServiceFile()), label: undefined };
  if (!chosen.path) {
    if (quiet) throw new Error('Launch Service from Polyaxonfile needs a file: pass {polyaxonfile: "<path>"}.');
    return undefined;
  }
  const pf = await readPolyaxonfile(chosen.path);
  const kind: ServiceKind = target.kind ?? serviceKindOf(pf);
  const label = kind === 'other' ? `Service ${pf.name ?? path.basename(chosen.path)}` : KIND_LABEL[kind];

  const choice = quiet
    ? { project: args.project ?? conn.project, params: args.params ?? {}, name: args.name }
    : await runLaunchWizard({
      title: `Launch ${label}`,
      connections: deps.connections,
      fileLabel: chosen.label ?? vscode.workspace.asRelativePath(chosen.path),
      inputs: launchInputs(pf),
      kind,
      project: args.project,
      name: args.name,
      recentImages: (project) => recentImages(deps.context, project, kind),
      checkParam: (params, name) => checkParams(pf, params).find((p) => p.field === `params.${name}`)?.message,
    });
  if (!choice) return undefined;
  if (!choice.project) {
    throw new Error('No Polyaxon project to launch in: set polyaxon.project (Polyaxon: Select Project…) or pass {project: "<name>"}.');
  }
  // The server accepts unknown or missing params and fails the run later (API.md §4), so check like the CLI.
  const problems = checkParams(pf, choice.params);
  if (problems.length) throw new PolyaxonfileError(problems);
  const project = { owner: conn.owner, project: choice.project };
  return { conn, file: chosen.path, pf, kind, label, project, params: choice.params, name: choice.name };
}

async function chooseFile(
  deps: LaunchDeps, kind: LaunchKind, explicit: string | undefined, quiet: boolean,
): Promise<{ path?: string; label?: string }> {
  const setting = vscode.workspace.getConfiguration('polyaxon').inspect<string>(`polyaxonfiles.${kind}`);
  const trusted = vscode.workspace.isTrusted;
  const choice = await choosePolyaxonfile(
    {
      kind,
      explicit,
      // In an untrusted workspace only the user's own setting counts: the workspace could point anywhere.
      setting: trusted ? vscode.workspace.getConfiguration('polyaxon').get<string>(`polyaxonfiles.${kind}`) : setting?.globalValue,
      workspaceRoots: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      trusted,
      bundledDir: vscode.Uri.joinPath(deps.context.extensionUri, 'polyaxonfiles').fsPath,
    },
    {
      exists: async (file) => vscode.workspace.fs.stat(vscode.Uri.file(file)).then(() => true, () => false),
      findServiceFiles: (root) => Promise.resolve(findServicePolyaxonfiles(root).map((f) => ({ path: f.file, kind: f.kind }))),
    },
  );
  if (!quiet && choice.candidates && choice.candidates.length > 1) {
    return { path: await pickPolyaxonfile(`Launch ${KIND_LABEL[kind]}`, choice.candidates) };
  }
  return { path: choice.path, label: choice.source === 'bundled' ? `${path.basename(choice.path)} (bundled with the extension)` : undefined };
}

/** Reads, parses and checks the file; every problem carries file:line:column. */
async function readPolyaxonfile(file: string): Promise<Polyaxonfile> {
  let text: string;
  try {
    text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
  } catch (e) {
    throw new Error(`Cannot read the polyaxonfile ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return loadServicePolyaxonfile(text, file);
}

async function existingService(deps: LaunchDeps, request: LaunchRequest, reuse: 'ask' | 'open' | 'launch'): Promise<Run | undefined> {
  if (reuse === 'launch') return undefined;
  const { conn, project, kind, pf, label } = request;
  const page = await conn.client.listRuns(project, { query: ACTIVE_SERVICES_QUERY, sort: '-created_at', limit: 50 });
  const [active] = sameKindActive(page.results, kind, pf.name);
  if (!active || reuse === 'open') return active;
  const answer = await deps.prompts.choose(
    `${label} "${active.name ?? active.uuid}" is already ${active.status ?? 'active'} in ${project.project}.`,
    ['Open the Running One', 'Launch Another'] as const,
  );
  if (answer === undefined) throw new Cancelled();
  return answer === 'Open the Running One' ? active : undefined;
}

/** Creates the run; when the project is missing, offers to create it and tries once more. */
async function createRun(deps: LaunchDeps, conn: Connection, ref: ProjectRef, body: Parameters<Connection['client']['createRun']>[1], quiet: boolean): Promise<Run | undefined> {
  try {
    return await createOnce(conn.client, ref, body);
  } catch (e) {
    if (quiet || !isPolyaxonError(e, 'projectNotFound')) throw e;
    const answer = await deps.prompts.choose(`Project "${ref.project}" does not exist on ${conn.host}.`, ['Create Project'] as const, { severity: 'error' });
    if (!answer) return undefined;
    await conn.client.createProject(ref.owner, { name: ref.project });
    deps.refresher.refreshNow();
    return createOnce(conn.client, ref, body);
  }
}

/** Shows each status with Polyaxon's message and the time spent until an outcome, then acts on it. */
async function follow(
  deps: LaunchDeps, conn: Connection, ref: RunRef, created: Run, label: string, open: OpenOnLaunch | undefined, file: string,
): Promise<Run> {
  const runName = created.name ?? created.uuid;
  let outcome: LaunchOutcome;
  try {
    outcome = await followWithProgress(`Launching ${label} "${runName}" in ${ref.project}`, (onChange, signal) =>
      followLaunch({
        getStatuses: (s) => conn.client.getStatuses(ref, s),
        sleep,
        now: Date.now,
        signal,
        onChange: (change) => {
          deps.log.info(`${runName}: ${change.status}${change.condition?.message ? `: ${change.condition.message}` : ''}`);
          onChange(change);
        },
      }));
  } catch (e) {
    // The run exists: say so, and leave it to the Services view.
    throw new Error(`${label} "${runName}" was created, but its status could not be followed: ${e instanceof Error ? e.message : String(e)}`);
  }
  deps.refresher.refreshNow();
  const run = await conn.client.getRun(ref).catch(() => ({ ...created, status: outcome.status as Run['status'] }));
  await showLaunchOutcome(deps, { conn, ref, run, runName, label, outcome, file }, open);
  return run;
}

/** The user dismissed a question; not an error to show. */
class Cancelled extends Error {}

async function showError(deps: LaunchDeps, e: unknown): Promise<void> {
  if (e instanceof PolyaxonfileError) return showProblems(deps, e.problems);
  await vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
}

/** The first problem with an action that opens the file at its position; the rest go to the log. */
async function showProblems(deps: LaunchDeps, problems: readonly Problem[]): Promise<void> {
  problems.forEach((p) => deps.log.warn(formatProblem(p)));
  const [first] = problems;
  // Opening the document (not showing it) lets the polyaxonfile diagnostics put its problems in the Problems panel.
  await vscode.workspace.openTextDocument(vscode.Uri.file(first.file)).then(undefined, () => undefined);
  const more = problems.length > 1 ? ` (+${problems.length - 1} more in the Problems panel and the Polyaxon log)` : '';
  const answer = await vscode.window.showErrorMessage(`Nothing was launched. ${formatProblem(first)}${more}`, 'Open File');
  if (answer !== 'Open File') return;
  const position = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.column - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(first.file), { selection: new vscode.Range(position, position) });
}
