// The "Polyaxonfile" step: when the workspace has more than one service polyaxonfile of the kind, the user picks
// which one to launch instead of the first being used silently.
import * as path from 'path';
import * as vscode from 'vscode';
import { MultiStepInput } from './multiStepInput';

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
