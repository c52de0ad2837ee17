// What the service tab's toolbar buttons do. The page sends only an action name (parseAction); the target is always
// the tab's own run, and nothing that talks to a server runs while the tab belongs to another host.
import * as vscode from 'vscode';
import type { CommandId } from '../../shared/commandIds';
import type { ServiceKind } from '../../polyaxon/serviceKind';
import type { Run, RunRef } from '../../polyaxon/types';
import type { Action } from '../serviceTabToolbar';
import { launchAgain } from '../launchAgain';

/** The tab as its actions see it (ServicePanel in serviceWebview.ts). */
export interface ServiceTab {
  readonly ref: RunRef;
  readonly run: Run | undefined;
  readonly host: string | undefined;
  readonly kind: ServiceKind | undefined;
  readonly panel: vscode.WebviewPanel;
  readonly deps: { log: vscode.LogOutputChannel };
  readonly owner: { openInBrowser(ref: RunRef, run?: Run): Promise<void> };
  update(force?: boolean): Promise<void>;
  /** Throws when the connection has moved to another host since the tab was opened. */
  onOwnHost(): Promise<void>;
}

/** Where the keyboard goes back to: the side bar (it opens if hidden), where the user came from. */
const FOCUS_WORKBENCH_COMMAND = 'workbench.action.focusSideBar';

/**
 * `polyaxon.focusWorkbench` (the tab's "Back to VS Code" button, and a key while the tab's toolbar has the focus).
 * Keys typed inside the framed service reach only the service: the browser gives a cross-origin frame's keys to no one
 * else, so from there only the button (or the mouse) gets out.
 */
export function registerFocusWorkbenchCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('polyaxon.focusWorkbench' satisfies CommandId, () =>
    vscode.commands.executeCommand(FOCUS_WORKBENCH_COMMAND),
  );
}

export async function onTabAction(tab: ServiceTab, action: Action | undefined): Promise<void> {
  if (!action) return;
  try {
    await run(tab, action);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    tab.deps.log.error(`Service ${tab.ref.project}/${tab.ref.uuid}: ${action} failed: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}

async function run(tab: ServiceTab, action: Action): Promise<void> {
  switch (action) {
    case 'reload':
      return tab.update(true);
    case 'close':
      tab.panel.dispose();
      return;
    case 'focusWorkbench':
      tab.deps.log.info(`Service ${tab.ref.project}/${tab.ref.uuid}: the keyboard goes back to VS Code.`);
      await vscode.commands.executeCommand('polyaxon.focusWorkbench' satisfies CommandId);
      return;
    case 'switchHost':
      // Only the host changes: the token stored for that host comes back with it.
      if (tab.host) await vscode.commands.executeCommand('polyaxon.configureConnection' satisfies CommandId, { host: tab.host });
      return;
  }
  await tab.onOwnHost();
  switch (action) {
    case 'openInBrowser':
      return tab.owner.openInBrowser(tab.ref, tab.run);
    case 'restart':
      await vscode.commands.executeCommand('polyaxon.restart' satisfies CommandId, tab.ref);
      return;
    case 'stop':
      await vscode.commands.executeCommand('polyaxon.stop' satisfies CommandId, tab.ref);
      return;
    case 'launchAgain': {
      const { command, args } = launchAgain(tab.kind, tab.ref.project, tab.run?.inputs, tab.run?.content);
      await vscode.commands.executeCommand(command, args);
      return;
    }
  }
}
