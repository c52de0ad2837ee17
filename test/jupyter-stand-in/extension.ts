// A stand-in for VS Code's Jupyter extension (ms-toolsai.jupyter), which cannot be installed offline: the same
// `createJupyterServerCollection` API, typed from @vscode/jupyter-extension, recording each collection so that the
// integration tests can play the kernel picker (list, resolve, run a command) against what was registered, and
// run code on a server of a collection the way the real extension does (runOnServer).
import * as vscode from 'vscode';
import type {
  Jupyter,
  JupyterServer,
  JupyterServerCollection,
  JupyterServerCommandProvider,
  JupyterServerProvider,
  Kernels,
} from '@vscode/jupyter-extension';
import { runInNewSession } from './jupyterSession';

export interface RecordedCollection extends JupyterServerCollection {
  readonly serverProvider: JupyterServerProvider;
  readonly disposed: boolean;
}

export interface JupyterStandIn extends Jupyter {
  /** Every collection registered so far, disposed ones included. */
  readonly collections: RecordedCollection[];
  /** A new notebook's session on server `serverId` of collection `collectionId`: runs `code`, resolves its stdout. */
  runOnServer(collectionId: string, serverId: string, code: string): Promise<string>;
}

/**
 * The server with its connection information, as microsoft/vscode-jupyter (main at 3d24702) finds it in
 * src/kernels/jupyter/connection/jupyterConnection.ts, getJupyterServerUri: the collection's list, else (an empty
 * list) a resolve of the bare id; then resolveJupyterServer unless the listed server came with its connection.
 */
async function resolvedServer(collection: RecordedCollection, serverId: string): Promise<JupyterServer> {
  const token = new vscode.CancellationTokenSource();
  try {
    const provider = collection.serverProvider;
    const servers = await Promise.resolve(provider.provideJupyterServers(token.token));
    let server = servers?.find((s) => s.id === serverId);
    if (!server && servers?.length === 0) {
      server = (await provider.resolveJupyterServer({ id: serverId, label: '' }, token.token)) ?? undefined;
    }
    if (!server) throw new Error(`${collection.id} lists no server ${serverId}`);
    if (server.connectionInformation) return server;
    const resolved = await Promise.resolve(provider.resolveJupyterServer(server, token.token));
    if (!resolved?.connectionInformation) throw new Error(`${collection.id} resolved ${serverId} without connection information`);
    return { ...server, connectionInformation: resolved.connectionInformation };
  } finally {
    token.dispose();
  }
}

export function activate(): JupyterStandIn {
  const collections: RecordedCollection[] = [];
  const kernels: Kernels = { getKernel: () => Promise.resolve(undefined) };
  return {
    kernels,
    collections,
    async runOnServer(collectionId, serverId, code) {
      const collection = collections.find((c) => c.id === collectionId && !c.disposed);
      if (!collection) throw new Error(`no Jupyter server collection "${collectionId}" is registered`);
      const info = (await resolvedServer(collection, serverId)).connectionInformation;
      if (!info) throw new Error(`no connection information for ${serverId}`);
      return runInNewSession({ baseUrl: info.baseUrl.toString(true), token: info.token, headers: info.headers }, code);
    },
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
