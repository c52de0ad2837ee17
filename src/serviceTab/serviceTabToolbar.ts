// The service tab's toolbar buttons: which actions each view offers, and how they read (no vscode: unit-tested).
import type { ServiceView } from './serviceViews';

/** Everything the page may ask for; anything else is ignored, so a message cannot run an arbitrary command. */
export const ACTIONS = ['reload', 'openInBrowser', 'restart', 'stop', 'close', 'launchAgain', 'switchHost', 'focusWorkbench'] as const;
export type Action = (typeof ACTIONS)[number];

export function parseAction(message: unknown): Action | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  return ACTIONS.find((a) => a === type);
}

/** The page's word that it loaded, with the version of the view it shows (see ServicePanel.catchUp). */
export function pageLoaded(message: unknown): number | undefined {
  const m = message as { type?: unknown; version?: unknown } | null;
  return m?.type === 'loaded' && typeof m.version === 'number' ? m.version : undefined;
}

/** The actions of each view, in toolbar order. A tab from another host offers nothing that talks to a server. */
export function actionsFor(view: ServiceView): Action[] {
  switch (view.kind) {
    case 'loading':
    case 'error':
      return ['reload'];
    case 'waiting':
      return view.status === 'stopping' ? ['reload'] : ['reload', 'stop'];
    case 'running':
      return ['focusWorkbench', 'reload', 'openInBrowser', 'stop'];
    case 'blocked':
      return ['reload', 'openInBrowser', 'stop'];
    case 'ended':
      return ['reload', 'restart', 'launchAgain', 'close'];
    case 'deleted':
      return ['launchAgain', 'close'];
    case 'otherHost':
      return ['switchHost', 'close'];
  }
}

const LABELS: Record<Action, string> = {
  reload: '↻ Reload',
  openInBrowser: '↗ Open in Browser',
  restart: '⟲ Restart',
  stop: '■ Stop',
  close: '✕ Close',
  launchAgain: '▶ Launch Again',
  switchHost: '⇄ Switch Back',
  focusWorkbench: '⇱ Back to VS Code',
};

const TOOLTIPS: Partial<Record<Action, string>> = {
  openInBrowser: 'Open the service in your browser: better for keyboard-heavy work, since every key reaches it there',
  restart: 'Start a copy of this run (same specification) in Polyaxon',
  launchAgain: 'Launch a new service of this kind, with the same parameters when they are known',
  focusWorkbench: 'Give the keyboard back to this VS Code: while the service has the focus, every key goes to it',
};

export function toolbarButtons(view: ServiceView): string {
  return actionsFor(view)
    .map((a) => {
      const label = a === 'switchHost' && view.kind === 'otherHost' ? `⇄ Switch Back to ${view.host}` : LABELS[a];
      const tooltip = TOOLTIPS[a];
      return `<button type="button" data-action="${a}"${tooltip ? ` title="${esc(tooltip)}"` : ''}>${esc(label)}</button>`;
    })
    .join('');
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
