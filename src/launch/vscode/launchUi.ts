// The VS Code side of the launch manager's ports: files, the form, progress, opening and outcome messages.
import { userName } from '../../shared/userName';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../../connection/types';
import type { CommandId } from '../../shared/commandIds';
import { findServicePolyaxonfiles } from '../../polyaxonfile';
import { choosePolyaxonfile, type LaunchKind } from '../../polyaxonfile/choice';
import type { RunRef } from '../../polyaxon/types';
import type { ActiveServices } from '../../runs/activeServices';
import type { RunWatcher } from '../../runs/runStore';
import type { LaunchDeps, LaunchFiles, LaunchUi } from '../launchPorts';
import { KIND_LABEL } from '../../presentation/runWording';
import { followWithProgress, openService, showLaunchOutcome } from './launchOutcome';
import { runLaunchWizard } from './launchWizard';
import { pickPolyaxonfile, pickServiceFile } from './polyaxonfileStep';
import type { Refresher, ServiceOpener } from '../../runs/viewPorts';
import { pickProject } from '../../connection/vscode/projectPicker';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { recentImages, rememberImage } from './recentImages';
import { recentSize, rememberSize } from './recentSizes';

export interface LaunchUiDeps {
  context: vscode.ExtensionContext;
  connections: ConnectionProvider;
  opener: ServiceOpener;
  refresher: Refresher;
  runs: RunWatcher;
  activeServices: ActiveServices;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
  showLogs(ref: RunRef): Promise<void>;
}

export function launchDeps(deps: LaunchUiDeps): LaunchDeps {
  return {
    connections: deps.connections,
    files: launchFiles(deps.context),
    ui: launchUi(deps),
    images: {
      recent: (project, kind) => recentImages(deps.context, project, kind),
      remember: (project, kind, image) => rememberImage(deps.context, project, kind, image),
    },
    sizes: {
      recent: (project, kind) => recentSize(deps.context, project, kind),
      remember: (project, kind, size) => rememberSize(deps.context, project, kind, size),
    },
    refresher: deps.refresher,
    runs: deps.runs,
    activeServices: deps.activeServices,
    log: deps.log,
    userName,
  };
}

function launchUi(deps: LaunchUiDeps): LaunchUi {
  return {
    prompts: deps.prompts,
    wizard: async (request) => {
      const choice = await runLaunchWizard(request);
      if (!choice) return undefined;
      return choice.existing === 'open'
        ? { existing: 'open' }
        : { existing: choice.existing, params: choice.params, name: choice.name, size: choice.size };
    },
    pickProject: () => pickProject(deps.connections, { title: 'Polyaxon: Project to launch in', allowCreate: true }),
    configureConnection: async () => {
      await vscode.commands.executeCommand('polyaxon.configureConnection' satisfies CommandId);
    },
    followProgress: async (title, follow) => followWithProgress(title, follow),
    open: (ref, run, open, label) => openService(deps, ref, run, open, label),
    outcome: (ended, open) => showLaunchOutcome(deps, ended, open),
    isOpenInTab: (ref) => deps.opener.isOpenInTab(ref),
    retargetTab: (from, to, run) => deps.opener.openInWebview(to, run, { replacing: from }),
    info: (message) => void vscode.window.showInformationMessage(message),
  };
}

function launchFiles(context: vscode.ExtensionContext): LaunchFiles {
  return {
    choose: (kind, explicit, ask) => chooseFile(context, kind, explicit, ask),
    pick: pickServiceFile,
    read: async (file) => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8'),
    label: (file) => vscode.workspace.asRelativePath(file),
  };
}

async function chooseFile(
  context: vscode.ExtensionContext,
  kind: LaunchKind,
  explicit: string | undefined,
  ask: boolean,
): Promise<{ path: string; label: string } | undefined> {
  const config = vscode.workspace.getConfiguration('polyaxon');
  const trusted = vscode.workspace.isTrusted;
  const choice = await choosePolyaxonfile(
    {
      kind,
      explicit,
      // In an untrusted workspace only the user's own setting counts: the workspace could point anywhere.
      setting: trusted ? config.get<string>(`polyaxonfiles.${kind}`) : config.inspect<string>(`polyaxonfiles.${kind}`)?.globalValue,
      workspaceRoots: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      trusted,
      bundledDir: vscode.Uri.joinPath(context.extensionUri, 'polyaxonfiles').fsPath,
    },
    {
      exists: async (file) =>
        vscode.workspace.fs.stat(vscode.Uri.file(file)).then(
          () => true,
          () => false,
        ),
      findServiceFiles: (root) => Promise.resolve(findServicePolyaxonfiles(root).map((f) => ({ path: f.file, kind: f.kind }))),
    },
  );
  // More than one in the workspace: the user says which (a launch with params takes the first, as before).
  if (ask && choice.candidates && choice.candidates.length > 1) {
    const picked = await pickPolyaxonfile(`Launch ${KIND_LABEL[kind]}`, choice.candidates);
    return picked === undefined ? undefined : { path: picked, label: vscode.workspace.asRelativePath(picked) };
  }
  const label =
    choice.source === 'bundled'
      ? `${path.basename(choice.path)} (bundled with the extension)`
      : vscode.workspace.asRelativePath(choice.path);
  return { path: choice.path, label };
}

/** The local account's name, as in the suggested project name `<repo>-<user>`. */
