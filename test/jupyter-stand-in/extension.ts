// A stand-in for VS Code's Jupyter extension (ms-toolsai.jupyter), which cannot be installed offline: the same
// `createJupyterServerCollection` API, typed from @vscode/jupyter-extension, recording each collection so that the
// integration tests can play the kernel picker (list, resolve, run a command) against what was registered.
import type {
  Jupyter,
  JupyterServerCollection,
  JupyterServerCommandProvider,
  JupyterServerProvider,
  Kernels,
} from '@vscode/jupyter-extension';

export interface RecordedCollection extends JupyterServerCollection {
  readonly serverProvider: JupyterServerProvider;
  readonly disposed: boolean;
}

export interface JupyterStandIn extends Jupyter {
  /** Every collection registered so far, disposed ones included. */
  readonly collections: RecordedCollection[];
}

export function activate(): JupyterStandIn {
  const collections: RecordedCollection[] = [];
  const kernels: Kernels = { getKernel: () => Promise.resolve(undefined) };
  return {
    kernels,
    collections,
    createJupyterServerCollection(id: string, label: string, serverProvider: JupyterServerProvider): JupyterServerCollection {
      if (collections.some((c) => c.id === id && !c.disposed)) throw new Error(`a Jupyter server collection "${id}" is already registered`);
      let disposed = false;
      const collection = {
        id,
        label,
        serverProvider,
        documentation: undefined,
        commandProvider: undefined as JupyterServerCommandProvider | undefined,
        get disposed() {
          return disposed;
        },
        dispose() {
          disposed = true;
        },
      };
      collections.push(collection);
      return collection;
    },
  };
}
