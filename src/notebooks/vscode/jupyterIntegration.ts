// Optional integration with VS Code's Jupyter extension (ms-toolsai.jupyter): no extensionDependencies, so
// without it nothing changes. When it is (or becomes) installed, the "Polyaxon" server collection is registered.
import type { Jupyter, JupyterServerCollection } from '@vscode/jupyter-extension';
import * as vscode from 'vscode';
import { setContext } from '../../servicesView/contextKeys';
import { PolyaxonJupyterServers, type JupyterServerDeps } from './jupyterServerProvider';

export const JUPYTER_EXTENSION_ID = 'ms-toolsai.jupyter';
export const COLLECTION_ID = 'polyaxon';
export const COLLECTION_LABEL = 'Polyaxon';

export class JupyterIntegration implements vscode.Disposable {
  private collection: JupyterServerCollection | undefined;
  private provider: PolyaxonJupyterServers | undefined;
  private registering: Promise<void> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: JupyterServerDeps) {
    this.subscription = vscode.extensions.onDidChange(() => void this.update());
  }

  /** True once the collection is registered. */
  get registered(): boolean {
    return this.collection !== undefined;
  }

  /** Registers the collection if the Jupyter extension is installed; resolves when done (errors are logged). */
  update(): Promise<void> {
    this.registering ??= this.register().finally(() => {
      this.registering = undefined;
    });
    return this.registering;
  }

  private async register(): Promise<void> {
    const extension = vscode.extensions.getExtension<Jupyter>(JUPYTER_EXTENSION_ID);
    await setContext('polyaxon.jupyterAvailable', extension !== undefined);
    if (!extension) {
      this.unregister();
      return;
    }
    if (this.collection) return;
    try {
      const api = extension.isActive ? extension.exports : await extension.activate();
      if (typeof api?.createJupyterServerCollection !== 'function') {
        this.deps.log.warn(
          `${JUPYTER_EXTENSION_ID} ${String((extension.packageJSON as { version?: unknown } | undefined)?.version)} has no createJupyterServerCollection: Polyaxon servers are not offered in its kernel picker.`,
        );
        return;
      }
      const provider = new PolyaxonJupyterServers(this.deps);
      const collection = api.createJupyterServerCollection(COLLECTION_ID, COLLECTION_LABEL, provider);
      collection.commandProvider = provider;
      this.provider = provider;
      this.collection = collection;
      this.deps.log.info('Registered the Polyaxon Jupyter server collection with the Jupyter extension.');
    } catch (e) {
      this.deps.log.error(`Could not register with the Jupyter extension: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private unregister(): void {
    this.collection?.dispose();
    this.provider?.dispose();
    this.collection = undefined;
    this.provider = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.unregister();
  }
}
