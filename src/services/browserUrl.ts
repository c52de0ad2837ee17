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
