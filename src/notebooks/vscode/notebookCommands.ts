// "Use as Notebook Kernel…": opens a notebook (new or from the workspace) and the kernel picker on it. The
// Jupyter extension's API cannot select a collection's server for a notebook, so the user is told where to pick it.
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../../connection/types';
import { serviceKindOfRun } from '../../polyaxon/serviceKind';
import { jupyterServerLabel, notRunningMessage } from '../jupyterServers';
import { COLLECTION_LABEL } from './jupyterIntegration';
import type { ServicesModel } from '../../runs/servicesModel';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { registerCommands } from '../../workbench/vscode/registerCommands';
import { resolveTarget, type ServiceArg } from '../../operate/vscode/serviceTarget';

export interface NotebookCommandDeps {
  connections: ConnectionProvider;
  view: ServicesModel;
  log: vscode.LogOutputChannel;
  prompts: Prompts;
}

const NEW_NOTEBOOK = '$(new-file) New Jupyter Notebook';

/** `notebook`: a .ipynb to open, or 'new'; without it the user picks. Resolves the notebook opened, if any. */
export async function useAsNotebookKernel(
  deps: NotebookCommandDeps,
  arg: ServiceArg,
  notebook?: vscode.Uri | 'new',
): Promise<vscode.Uri | undefined> {
  const target = await resolveTarget(arg, deps.connections, deps.view, 'Select the Jupyter service to use as a notebook kernel');
  if (!target) return undefined;
  const name = target.run.name ?? target.run.uuid;
  if (serviceKindOfRun(target.run) !== 'jupyter') {
    throw new Error(`"${name}" is not a Jupyter service: only Jupyter services can run notebook kernels.`);
  }
  const problem = notRunningMessage(name, target.run.status);
  if (problem) throw new Error(problem);

  const chosen = notebook ?? (await pickNotebook());
  if (!chosen) return undefined;
  const document =
    chosen === 'new'
      ? await vscode.workspace.openNotebookDocument(
          'jupyter-notebook',
          new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, '', 'python')]),
        )
      : await vscode.workspace.openNotebookDocument(chosen);
  await vscode.window.showNotebookDocument(document);

  const server = jupyterServerLabel(target.run, target.ref.project, false);
  deps.log.info(`Use as Notebook Kernel: ${document.uri.toString()} with ${server}`);
  void vscode.window.showInformationMessage(
    `In the kernel picker choose "Select Another Kernel…", then "${COLLECTION_LABEL}", then "${server}".`,
  );
  // Not awaited: it resolves only when the user closes the picker.
  void vscode.commands
    .executeCommand('notebook.selectKernel')
    .then(undefined, (e: Error) => deps.log.warn(`notebook.selectKernel: ${e.message}`));
  return document.uri;
}

async function pickNotebook(): Promise<vscode.Uri | 'new' | undefined> {
  const found = vscode.workspace.workspaceFolders ? await vscode.workspace.findFiles('**/*.ipynb', '**/{node_modules,.git}/**', 200) : [];
  const items = [
    { label: NEW_NOTEBOOK, uri: 'new' as const },
    ...found.map((uri) => ({ label: `$(notebook) ${vscode.workspace.asRelativePath(uri)}`, uri })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Notebook to run on the Polyaxon service' });
  return picked?.uri;
}

export function registerNotebookCommands(deps: NotebookCommandDeps): vscode.Disposable[] {
  return registerCommands(deps, {
    'polyaxon.useAsNotebookKernel': (arg?: ServiceArg, notebook?: vscode.Uri | 'new') => useAsNotebookKernel(deps, arg, notebook),
  });
}
