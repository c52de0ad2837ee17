// What VS Code's Jupyter extension does with a resolved server, in its extension host (Node), with the client
// library it uses, @jupyterlab/services. Modelled on microsoft/vscode-jupyter (main at 3d24702):
// - src/kernels/jupyter/connection/jupyterConnection.ts, createConnectionInfo: baseUrl.toString(true), token || '',
//   headers || {} are all it takes from connectionInformation;
// - src/kernels/jupyter/jupyterUtils.ts, createJupyterConnectionInfo: ServerConnection.makeSettings with wsUrl =
//   baseUrl with http → ws, `token` and `appendToken` when there is a token or a header, init { cache: 'no-store',
//   credentials: 'same-origin' }, and a Request class and a WebSocket class that carry the headers;
// - src/kernels/jupyter/session/jupyterRequestCreator.node.ts: AuthorizingRequest appends every header to each
//   request and sets Content-Type; getWebsocketCtor hands the same headers to the `ws` package's constructor;
// - src/kernels/jupyter/session/jupyterLabHelper.ts and jupyterKernelSessionFactory.ts: a KernelManager, a
//   SessionManager over it, and sessionManager.startNew({ path, name, type: 'notebook', kernel: { name } }).
// Nothing else: no cookie is fetched and no header added, as the real extension adds none.
import * as crypto from 'crypto';
import { KernelManager, KernelMessage, KernelSpecManager, ServerConnection, SessionManager } from '@jupyterlab/services';
import WebSocket from 'ws';

/** A server's `connectionInformation`, as the Jupyter extension reads it. */
export interface ConnectionInformation {
  baseUrl: string;
  token?: string;
  headers?: Record<string, string>;
}

export function serverSettings(info: ConnectionInformation): ServerConnection.ISettings {
  const headers = info.headers ?? {};
  const token = info.token ?? '';
  const withHeaders = Object.keys(headers).length > 0;
  class AuthorizingRequest extends Request {
    constructor(input: string | URL | Request, init?: RequestInit) {
      super(input, init);
      for (const [name, value] of Object.entries(headers)) this.headers.append(name, value);
      this.headers.set('Content-Type', 'application/json');
    }
  }
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return ServerConnection.makeSettings({
    baseUrl: info.baseUrl,
    appUrl: '',
    wsUrl: info.baseUrl.replace('http', 'ws'),
    ...(token || withHeaders ? { token, appendToken: true } : {}),
    // Node's RequestInit type has no `cache`, its Request takes it (the extension passes the same object as any)
    init: { cache: 'no-store', credentials: 'same-origin' } as RequestInit,
    Request: withHeaders ? AuthorizingRequest : Request,
    WebSocket: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
  });
}

/**
 * Starts a session on the server's default kernel (as for a new notebook), runs `code`, shuts the session down;
 * resolves the code's stdout, rejects with the server's answer when a request is refused.
 */
export async function runInNewSession(info: ConnectionInformation, code: string): Promise<string> {
  const settings = serverSettings(info);
  const specs = new KernelSpecManager({ serverSettings: settings });
  const kernelManager = new KernelManager({ serverSettings: settings });
  const sessions = new SessionManager({ serverSettings: settings, kernelManager });
  try {
    await specs.ready;
    const name = `polyaxon-stand-in-${crypto.randomUUID()}.ipynb`;
    const session = await sessions.startNew({ path: name, name, type: 'notebook', kernel: { name: specs.specs?.default ?? 'python3' } });
    try {
      if (!session.kernel) throw new Error('No kernel created');
      let stdout = '';
      const future = session.kernel.requestExecute({ code, stop_on_error: true });
      future.onIOPub = (msg) => {
        if (KernelMessage.isStreamMsg(msg) && msg.content.name === 'stdout') stdout += msg.content.text;
      };
      const reply = await future.done;
      if (reply.content.status !== 'ok') throw new Error(`execute_reply ${reply.content.status}`);
      return stdout;
    } finally {
      await session.shutdown();
    }
  } finally {
    sessions.dispose();
    kernelManager.dispose();
    specs.dispose();
  }
}
