// A minimal Jupyter client, doing with a server's connection information (base URL + headers) what the Jupyter
// extension does with it: start a kernel over the REST API, execute code over the kernel WebSocket (Jupyter
// messaging protocol 5.3, JSON frames), read stdout. Uses the `ws` package, whose `headers` option browsers'
// WebSocket lacks (and which VS Code 1.90's extension host, on Node 20, has no global WebSocket for).
import * as crypto from 'crypto';
import WebSocket from 'ws';

export interface ConnectionInfo {
  baseUrl: string;
  headers: Record<string, string>;
}

interface Message {
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  channel?: string;
  content: { name?: string; text?: string; execution_state?: string; status?: string; ename?: string; evalue?: string };
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path}`;

/**
 * Tornado's XSRF check applies to a POST without a Jupyter token (the polyaxonfile sets an empty one): the page
 * sets the `_xsrf` cookie, and the request echoes it in `X-XSRFToken`, as JupyterLab does in a browser.
 */
async function xsrfHeaders(info: ConnectionInfo): Promise<Record<string, string>> {
  const page = await fetch(info.baseUrl, { headers: info.headers });
  const cookie = page.headers
    .getSetCookie()
    .map((c) => /^_xsrf=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  return cookie ? { 'X-XSRFToken': cookie, Cookie: `_xsrf=${cookie}` } : {};
}

export async function startKernel(info: ConnectionInfo): Promise<string> {
  const response = await fetch(join(info.baseUrl, 'api/kernels'), {
    method: 'POST',
    headers: { ...info.headers, ...(await xsrfHeaders(info)), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'python3' }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST api/kernels → ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { id: string }).id;
}

export async function deleteKernel(info: ConnectionInfo, id: string): Promise<void> {
  await fetch(join(info.baseUrl, `api/kernels/${id}`), { method: 'DELETE', headers: { ...info.headers, ...(await xsrfHeaders(info)) } });
}

/** Runs `code` in the kernel; resolves its stdout once the kernel is idle again, rejects on an error reply. */
export function execute(info: ConnectionInfo, kernelId: string, code: string, timeoutMs = 60000): Promise<string> {
  const session = crypto.randomUUID();
  const url = join(info.baseUrl.replace(/^http/, 'ws'), `api/kernels/${kernelId}/channels?session_id=${session}`);
  const socket = new WebSocket(url, { headers: info.headers });
  const msgId = crypto.randomUUID();
  let stdout = '';
  let replied = false;
  let idle = false;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no result from the kernel within ${timeoutMs} ms (stdout so far: ${JSON.stringify(stdout)})`)),
      timeoutMs,
    );
    function finish(error?: Error): void {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(stdout);
    }
    socket.onerror = () => finish(new Error(`WebSocket ${url} failed`));
    socket.onopen = () => {
      socket.send(
        JSON.stringify({
          header: {
            msg_id: msgId,
            msg_type: 'execute_request',
            username: 'polyaxon-test',
            session,
            date: new Date().toISOString(),
            version: '5.3',
          },
          parent_header: {},
          metadata: {},
          channel: 'shell',
          buffers: [],
          content: { code, silent: false, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true },
        }),
      );
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as Message;
      if (message.parent_header.msg_id !== msgId) return;
      const type = message.header.msg_type;
      if (type === 'stream' && message.content.name === 'stdout') stdout += message.content.text ?? '';
      if (type === 'execute_reply') {
        if (message.content.status !== 'ok') {
          return finish(new Error(`execute_reply ${message.content.status}: ${message.content.ename}: ${message.content.evalue}`));
        }
        replied = true;
      }
      if (type === 'status' && message.content.execution_state === 'idle') idle = true;
      // iopub's idle and shell's reply may come in either order; both mean this request is done
      if (replied && idle) finish();
    };
  });
}
