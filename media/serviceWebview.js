// @ts-check
// The service webview's own script. It reports clicks on our toolbar buttons, remembers the panel state so that
// VS Code can restore the panel after a window reload, shows the service frame once the user asks (see FRAME_GUARD
// in src/serviceTab/serviceWebviewHtml.ts), and swaps in the parts of a new view the extension sends (see
// ServicePanel.render). Only the extension's messages are read (VS Code's frame posts them with this page's origin),
// and from inside the service one message, which can only give the keyboard back to this VS Code.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const header = /** @type {HTMLElement} */ (document.querySelector('header.toolbar'));
  const main = /** @type {HTMLElement} */ (document.querySelector('main'));
  const state = document.body.dataset.state;
  if (state) vscode.setState(JSON.parse(state));
  let version = Number(document.body.dataset.version ?? 0);

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

  /** Whether `source` is the service's frame or a frame inside it (a frame may read the parent of any window). */
  const fromService = (/** @type {any} */ source) => {
    const service = frame()?.contentWindow;
    for (let w = source, depth = 0; service && w && depth < 8; w = w.parent, depth++) {
      if (w === service) return true;
      if (w === w.parent) break; // the top window is its own parent
    }
    return false;
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    // The one message read from inside the service: this extension, installed there, asks from a key (Ctrl+Alt+O) to
    // give the keyboard back to this VS Code; it can do nothing else.
    if (data && data.type === 'polyaxon.keyboardBack' && fromService(event.source)) {
      vscode.postMessage({ type: 'focusWorkbench' });
      return;
    }
    // VS Code's frame posts with this page's own origin; the framed service has another and cannot pretend otherwise.
    if (event.origin !== window.origin || !data || data.type !== 'render') return;
    // Only a newer view; the extension's catch-up (whole) also replaces a same-numbered one that lacked the frame's part.
    if (!(data.version > version || (data.whole && data.version === version))) return;
    version = data.version;
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
  // A view sent before VS Code made this webview was dropped: the extension sends the current one if newer.
  vscode.postMessage({ type: 'loaded', version });
})();
