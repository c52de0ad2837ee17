/**
 * True when `mapped` (what `vscode.env.asExternalUri` made of `original`) is code-server's path proxy
 * (`/proxy/<port>/…`, `/absproxy/<port>/…`): the page would then be served from the IDE's own origin. A VS Code
 * or Jupyter service there shares the IDE's browser storage and cross-tab channels (a framed code-server was seen
 * to replace the IDE's settings), so the direct URL is the better choice.
 */
export function isSameOriginPathProxy(original: string, mapped: string): boolean {
  const proxied = (url: string) => /^\/(abs)?proxy\/\d+(\/|$)/.test(new URL(url).pathname);
  return proxied(mapped) && !proxied(original);
}

/**
 * `url` spelled so that browser VS Code's openExternal leaves it alone. code-server maps every URL whose authority is
 * `localhost|127.0.0.1|0.0.0.0:<port>` onto its own `/proxy/<port>/` when it opens it (the embedder's
 * resolveExternalUri, whatever the extension passed: a Uri or a string). VS Code's pattern is case-sensitive, and
 * its link check trusts any case of `localhost`; the browser lowercases the host. So the loopback host is written
 * `LOCALHOST`, which the browser opens as `localhost`, the same loopback server. Other URLs are returned as they are.
 */
export function spelledPastPortMapping(url: string): string {
  const parsed = new URL(url);
  if (!/^https?:$/.test(parsed.protocol) || !parsed.port || !LOOPBACK.includes(parsed.hostname)) return url;
  const start = url.indexOf('//') + 2;
  const authority = url.slice(start).split(/[/?#]/, 1)[0];
  const at = authority.lastIndexOf('@') + 1;
  return `${url.slice(0, start + at)}LOCALHOST:${parsed.port}${url.slice(start + authority.length)}`;
}

const LOOPBACK = ['localhost', '127.0.0.1', '0.0.0.0'];
