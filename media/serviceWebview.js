// @ts-check
// The service webview's own script. It reports clicks on our toolbar buttons, remembers the panel state so that
// VS Code can restore the panel after a window reload, shows the service frame once the user asks (see FRAME_GUARD
// in src/serviceTab/serviceWebviewHtml.ts), and swaps in the parts of a new view the extension sends (see
// ServicePanel.render). Only the extension's messages are read (VS Code's frame posts them with this page's origin);
// nothing the framed service posts is read or relayed.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const header = /** @type {HTMLElement} */ (document.querySelector('header.toolbar'));
  const main = /** @type {HTMLElement} */ (document.querySelector('main'));
  const state = document.body.dataset.state;
  if (state) vscode.setState(JSON.parse(state));

  const frame = () => document.getElementById('service');

  /** The user chose the service: it is shown, and may take the focus from now on. */
  function show() {
    const service = frame();
    if (!service || !main.classList.contains('guarded')) return;
    main.classList.remove('guarded');
    service.focus();
  }
  main.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('#show-service')) show();
  });
  main.addEventListener('pointerdown', (event) => {
    if (event.button === 0) show();
  });
  header.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (button) vscode.postMessage({ type: button.getAttribute('data-action') });
  });

  // The focus indicator (as in VS Code's Simple Browser): the toolbar says so while keys go to the service.
  const showFocus = () => document.body.classList.toggle('service-focused', !!frame() && document.activeElement === frame());
  window.addEventListener('blur', () => setTimeout(showFocus, 0));
  window.addEventListener('focus', showFocus);

  window.addEventListener('message', (event) => {
    const data = event.data;
    // VS Code's frame posts with this page's own origin; the framed service has another and cannot pretend otherwise.
    if (event.origin !== window.origin || !data || data.type !== 'render') return;
    document.title = data.title;
    vscode.setState(data.state);
    header.innerHTML = data.header;
    // The frame's part comes only when it changed: an unchanged service keeps its page (and what the user typed).
    if (typeof data.main === 'string') {
      main.innerHTML = data.main;
      main.classList.toggle('guarded', data.guarded);
    }
    showFocus();
  });
})();
