// "Use as Notebook Kernel…": opens a notebook (new or from the workspace) and the kernel picker on it. The
// Jupyter extension's API cannot select a collection's server for a notebook, so the user is told where to pick it.
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../../connection/types';
import { serviceKindOfRun } from '../../polyaxon/serviceKind';
import { isKernelCandidate, jupyterServerLabel, notRunningMessage } from '../jupyterServers';
import { COLLECTION_LABEL, JUPYTER_EXTENSION_ID } from './jupyterIntegration';
import { setContext } from '../../servicesView/contextKeys';
import type { ServicesModel } from '../../runs/servicesModel';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { registerCommands } from '../../workbench/vscode/registerCommands';
import { resolveTarget, type PickFilter, type ServiceArg } from '../../operate/vscode/serviceTarget';

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
  // Without the Jupyter extension there is no kernel picker to choose a Polyaxon server in: say so, open nothing.
  if (!vscode.extensions.getExtension(JUPYTER_EXTENSION_ID)) {
    await offerJupyterExtension(deps);
    return undefined;
  }
  const onlyRunningJupyter: PickFilter = { accepts: isKernelCandidate, none: () => offerJupyterLaunch(deps) };
  const placeHolder = 'Select the running Jupyter service to use as a notebook kernel';
  const target = await resolveTarget(arg, deps.connections, deps.view, placeHolder, onlyRunningJupyter);
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
  void setContext('polyaxon.notebookKernelUsed', true);

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

async function offerJupyterExtension(deps: NotebookCommandDeps): Promise<void> {
  const INSTALL = 'Install the Jupyter Extension';
  const answer = await deps.prompts.choose(
    `Use as Notebook Kernel needs VS Code's Jupyter extension (${JUPYTER_EXTENSION_ID}): with it, a running Polyaxon Jupyter service is offered in the notebook kernel picker.`,
    [INSTALL] as const,
    { severity: 'warning' },
  );
  if (answer !== INSTALL) return;
  try {
    await vscode.commands.executeCommand('workbench.extensions.installExtension', JUPYTER_EXTENSION_ID);
  } catch (e) {
    // No gallery (offline, or a code-server without one): show the extension's entry in the Extensions view instead.
    deps.log.warn(`Installing ${JUPYTER_EXTENSION_ID}: ${e instanceof Error ? e.message : String(e)}`);
    await vscode.commands.executeCommand('workbench.extensions.search', `@id:${JUPYTER_EXTENSION_ID}`);
  }
}

async function offerJupyterLaunch(deps: NotebookCommandDeps): Promise<void> {
  const LAUNCH = 'Launch Cluster Jupyter Lab';
  const answer = await deps.prompts.choose('No Jupyter service is running in this project, so none can run a notebook kernel.', [
    LAUNCH,
  ] as const);
  if (answer === LAUNCH) await vscode.commands.executeCommand('polyaxon.launchJupyter');
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
