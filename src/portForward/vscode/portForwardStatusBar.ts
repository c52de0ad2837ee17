import * as vscode from 'vscode';
import type { CommandId } from '../../shared/commandIds';
import type { ForwardState } from '../supervisor';
import type { PortForwardSession } from './portForwardSession';

/** The forward at a glance: up, reconnecting or failed; hidden when there is none. A click offers Reconnect, Stop, Show Log. */
export class PortForwardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('polyaxon.portForward', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(session: PortForwardSession) {
    this.item.name = 'Polyaxon Port-Forward';
    this.item.command = 'polyaxon.portForwardActions' satisfies CommandId;
    this.subscription = session.onDidChange((state) => this.render(state));
    this.render(session.state);
  }

  render(state: ForwardState): void {
    if (state.kind === 'off') {
      this.item.hide();
      return;
    }
    const { context, namespace, service, localPort } = state.target;
    const where = `context ${context}, namespace ${namespace}, svc/${service} → localhost:${localPort}`;
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case 'starting':
        this.item.text = `$(sync~spin) Polyaxon :${localPort}`;
        this.item.tooltip = `Polyaxon port-forward starting: ${where}`;
        break;
      case 'up':
        this.item.text = `$(plug) Polyaxon :${localPort}`;
        this.item.tooltip = `Polyaxon port-forward up: ${where} (kubectl pid ${state.pid ?? '?'}). Click for Reconnect, Stop, Show Log.`;
        break;
      case 'reconnecting':
        this.item.text = `$(sync~spin) Polyaxon :${localPort} reconnecting`;
        this.item.tooltip = `Polyaxon port-forward reconnecting (${where}): ${state.error.message}`;
        break;
      case 'failed':
        this.item.text = `$(error) Polyaxon :${localPort}`;
        this.item.tooltip = `Polyaxon port-forward failed (${where}): ${state.error.message}${state.retryInMs !== undefined ? ' Retrying.' : ''}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
    this.item.show();
  }

  /** What the item shows now; read by tests. */
  get text(): string | undefined {
    return this.item.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
