// @ts-check
// The service webview's own script. It only reports clicks on our toolbar buttons and remembers the RunRef,
// so that VS Code can restore the panel after a window reload. It listens to no 'message' event at all:
// nothing the framed service posts is ever relayed to the extension.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = document.body.dataset.state;
  if (state) vscode.setState(JSON.parse(state));
  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: button.getAttribute('data-action') }));
  }
})();
