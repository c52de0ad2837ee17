// The VS Code side of the launch manager's ports: files, the form, progress, opening and outcome messages.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../connection/types';
import type { CommandId } from './commandIds';
import { findServicePolyaxonfiles } from '../polyaxonfile';
import { choosePolyaxonfile, type LaunchKind } from '../polyaxonfile/choice';
import type { RunRef } from '../polyaxon/types';
import type { ActiveServices } from '../services/launchGuard';
import type { RunWatcher } from '../services/runStore';
import type { LaunchDeps, LaunchFiles, LaunchUi } from '../services/launch/launchPorts';
import { openService, showLaunchOutcome } from '../ui/launchOutcome';
import { runLaunchWizard } from '../ui/launchWizard';
import type { Refresher, ServiceOpener } from '../ui/ports';
import { pickProject } from '../ui/projectPicker';
import type { Prompts } from '../ui/prompts';
import { recentImages, rememberImage } from '../ui/recentImages';

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
      return choice.existing === 'open' ? { existing: 'open' } : { existing: choice.existing, params: choice.params, name: choice.name };
    },
    pickProject: () => pickProject(deps.connections, { title: 'Polyaxon: Project to launch in', allowCreate: true }),
    configureConnection: async () => {
      await vscode.commands.executeCommand('polyaxon.configureConnection' satisfies CommandId);
    },
    progress: async (title, task) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return task((message) => progress.report({ message }), abort.signal);
      }),
    open: (ref, run, open, label) => openService(deps, ref, run, open, label),
    outcome: (ended, open) => showLaunchOutcome(deps, ended, open),
    isOpenInTab: (ref) => deps.opener.isOpenInTab(ref),
    retargetTab: (from, to, run) => deps.opener.openInWebview(to, run, from),
    info: (message) => void vscode.window.showInformationMessage(message),
  };
}

function launchFiles(context: vscode.ExtensionContext): LaunchFiles {
  return {
    choose: (kind, explicit) => chooseFile(context, kind, explicit),
    pick: pickServiceFile,
    read: async (file) => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8'),
    label: (file) => vscode.workspace.asRelativePath(file),
  };
}

async function chooseFile(
  context: vscode.ExtensionContext, kind: LaunchKind, explicit: string | undefined,
): Promise<{ path: string; label: string }> {
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
      exists: async (file) => vscode.workspace.fs.stat(vscode.Uri.file(file)).then(() => true, () => false),
      findServiceFiles: (root) => Promise.resolve(findServicePolyaxonfiles(root).map((f) => ({ path: f.file, kind: f.kind }))),
    },
  );
  const label = choice.source === 'bundled'
    ? `${path.basename(choice.path)} (bundled with the extension)`
    : vscode.workspace.asRelativePath(choice.path);
  return { path: choice.path, label };
}

/** Launch Service from Polyaxonfile without a file: the workspace's service polyaxonfiles, or a file dialog. */
async function pickServiceFile(): Promise<string | undefined> {
  const roots = vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file') : [];
  const found = roots.flatMap((r) => findServicePolyaxonfiles(r.uri.fsPath));
  const browse = { label: '$(folder-opened) Browse…', file: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick(
    [...found.map((f) => ({ label: vscode.workspace.asRelativePath(f.file), description: f.kind, file: f.file })), browse],
    {
      title: 'Launch Service from Polyaxonfile',
      placeHolder: found.length ? 'Service polyaxonfile to launch' : 'No service polyaxonfile in the workspace: browse for one',
    },
  );
  if (!picked) return undefined;
  if (picked.file) return picked.file;
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: false, filters: { Polyaxonfile: ['yml', 'yaml'] }, title: 'Service polyaxonfile to launch',
  });
  return uris?.[0]?.fsPath;
}

/** The local account's name, as in the suggested project name `<repo>-<user>`. */
function userName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME;
  }
}
