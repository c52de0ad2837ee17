// The page behind "Back to the Local VS Code" (no vscode: unit-tested). Inside a service shown in a tab of the local
// VS Code, keys reach only the service: the browser gives a framed page's keys to no one else, and an extension here
// runs in the pod. But this webview is a frame inside this VS Code's workbench, itself framed by the local tab's page,
// and a frame may post a message to any window. VS Code hides a webview's "parent", so the page finds itself in
// the tree of frames under "top": [local workbench, its webview host, the tab's page, this workbench, this page's
// host, this page]; alone, [this workbench, host, this page]. The tab's page (media/serviceWebview.js) then gives the
// local workbench the keyboard.

/** The one message the local tab's page reads from inside the service. */
export const KEYBOARD_BACK_MESSAGE = 'polyaxon.keyboardBack';

export function keyboardBackPage(nonce: string): string {
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>Back to the Local VS Code</title></head>
<body>
<p>Giving the keyboard back to the local VS Code…</p>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const pathTo = (w, depth) => {
    if (w === window) return [w];
    for (let i = 0; depth < 8 && i < w.frames.length; i++) {
      const found = pathTo(w.frames[i], depth + 1);
      if (found) return [w].concat(found);
    }
    return undefined;
  };
  const path = pathTo(window.top, 0) || [];
  const embedded = path.length >= 6;
  if (embedded) path[path.length - 4].postMessage({ type: '${KEYBOARD_BACK_MESSAGE}' }, '*');
  vscode.postMessage({ type: 'sent', embedded });
})();
</script>
</body>
</html>`;
}

/** Whether the page's answer says this VS Code is shown inside another one's tab. */
export function parseKeyboardBackAnswer(message: unknown): boolean | undefined {
  const m = message as { type?: unknown; embedded?: unknown } | null;
  return m?.type === 'sent' && typeof m.embedded === 'boolean' ? m.embedded : undefined;
}
