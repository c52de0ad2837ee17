// @ts-check
// The service webview's own script. It reports clicks on our toolbar buttons, remembers the panel state so that
// VS Code can restore the panel after a window reload, and shows the service frame once the user asks (see
// FRAME_GUARD in src/presentation/serviceWebviewHtml.ts). It listens to no 'message' event at all: nothing the
// framed service posts is ever relayed to the extension.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = document.body.dataset.state;
  if (state) vscode.setState(JSON.parse(state));

  const main = document.querySelector('main.guarded');
  const frame = document.getElementById('service');

  /** The user chose the service: it is shown, and may take the focus from now on. */
  function show() {
    if (!main || !frame || !main.classList.contains('guarded')) return;
    main.classList.remove('guarded');
    frame.focus();
  }
  document.getElementById('show-service')?.addEventListener('click', show);
  main?.addEventListener('pointerdown', (event) => {
    if (event.button === 0) show();
  });

  // The focus indicator (as in VS Code's Simple Browser): the toolbar says so while keys go to the service.
  const showFocus = () => document.body.classList.toggle('service-focused', !!frame && document.activeElement === frame);
  window.addEventListener('blur', () => setTimeout(showFocus, 0));
  window.addEventListener('focus', showFocus);

  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: button.getAttribute('data-action') }));
  }
})();
