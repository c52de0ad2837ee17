// @ts-check
// The service webview's own script. It reports clicks on our toolbar buttons, remembers the panel state so that
// VS Code can restore the panel after a window reload, and guards the focus (see FRAME_GUARD in
// src/presentation/serviceWebviewHtml.ts). It listens to no 'message' event at all: nothing the framed service
// posts is ever relayed to the extension.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const state = document.body.dataset.state;
  if (state) vscode.setState(JSON.parse(state));

  const main = document.querySelector('main.guarded');
  const frame = document.getElementById('service');

  /** The user chose the service: it may take the focus now, and keys go to it until Back to VS Code. */
  function engage() {
    if (!main || !frame) return;
    frame.inert = false;
    main.classList.remove('guarded');
    document.body.classList.remove('frame-guarded');
    main.removeAttribute('tabindex');
    frame.focus();
  }

  /** Keys go to the workbench again (the webview forwards them); the service cannot take the focus back. */
  function release() {
    if (!main || !frame) return;
    frame.inert = true;
    main.classList.add('guarded');
    document.body.classList.add('frame-guarded');
    main.setAttribute('tabindex', '0');
    main.focus();
  }

  if (main) {
    document.body.classList.add('frame-guarded');
    // An inert frame gets no pointer events: the click lands on <main>.
    main.addEventListener('pointerdown', (event) => {
      if (main.classList.contains('guarded') && event.target === main) engage();
    });
    main.addEventListener('keydown', (event) => {
      if (main.classList.contains('guarded') && event.target === main && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        engage();
      }
    });
  }

  // The focus indicator (as in VS Code's Simple Browser): the toolbar shows while keys go to the service.
  const showFocus = () => document.body.classList.toggle('service-focused', !!frame && document.activeElement === frame);
  window.addEventListener('blur', () => setTimeout(showFocus, 0));
  window.addEventListener('focus', showFocus);

  for (const button of document.querySelectorAll('button[data-action]')) {
    const action = button.getAttribute('data-action');
    button.addEventListener('click', () => {
      if (action === 'focusWorkbench') release();
      vscode.postMessage({ type: action });
    });
  }
})();
