// Which polyaxonfile a launch uses, when the user must say: the "Polyaxonfile" step (more than one service
// polyaxonfile of the kind in the workspace, instead of the first silently), and Launch Service from Polyaxonfile's pick.
import * as path from 'path';
import * as vscode from 'vscode';
import { findServicePolyaxonfiles } from '../../polyaxonfile/discover';
import { MultiStepInput } from '../../workbench/vscode/multiStepInput';

interface FileItem extends vscode.QuickPickItem {
  file: string;
}

/** Resolves the chosen file, or undefined when dismissed. `files` come first-is-default (the AISG file first). */
export async function pickPolyaxonfile(title: string, files: readonly string[]): Promise<string | undefined> {
  const items: FileItem[] = files.map((file, i) => ({
    label: `$(file) ${vscode.workspace.asRelativePath(file)}`,
    description: i === 0 ? 'default' : undefined,
    detail: path.basename(path.dirname(file)) === 'polyaxonfiles' ? undefined : path.dirname(file),
    file,
  }));
  let chosen: string | undefined;
  const completed = await MultiStepInput.run(`${title}: Polyaxonfile`, [
    async (input) => {
      const placeholder = 'Polyaxonfile: this workspace has more than one for this service';
      chosen = (await input.showQuickPick<FileItem>({ placeholder, items })).file;
    },
  ]);
  return completed ? chosen : undefined;
}

/** Launch Service from Polyaxonfile without a file: the workspace's service polyaxonfiles, or a file dialog. */
export async function pickServiceFile(): Promise<string | undefined> {
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
    canSelectMany: false,
    filters: { Polyaxonfile: ['yml', 'yaml'] },
    title: 'Service polyaxonfile to launch',
  });
  return uris?.[0]?.fsPath;
}
