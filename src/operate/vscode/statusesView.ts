// Show Statuses: the run's status conditions, newest first, in a QuickPick (searchable, no extra editor tab).
import { conditionLine } from '../../presentation/runWording';
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../../connection/types';
import type { RunRef } from '../../polyaxon/types';
import { staticIcon } from '../../polyaxon/statuses';
import { conditionTime, newestFirst } from '../../presentation/runText';

export class ServiceStatuses {
  constructor(private readonly deps: { connections: ConnectionProvider; log: vscode.LogOutputChannel }) {}

  async show(ref: RunRef): Promise<void> {
    try {
      const { client } = await this.deps.connections.get();
      const [run, statuses] = await Promise.all([client.getRun(ref), client.getStatuses(ref)]);
      const items = newestFirst(statuses.status_conditions).map((c): vscode.QuickPickItem => {
        const time = conditionTime(c);
        return {
          label: `$(${staticIcon(c.type)}) ${c.type}`,
          description: time ? new Date(time).toLocaleString() : undefined,
          detail: conditionLine(c) || undefined,
        };
      });
      await vscode.window.showQuickPick(items, {
        title: `Statuses of ${run.name || ref.uuid}`,
        placeHolder: `Now ${statuses.status ?? run.status ?? 'unknown'}; newest first`,
        matchOnDescription: true,
        matchOnDetail: true,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`Statuses of ${ref.owner}/${ref.project}/${ref.uuid}: ${message}`);
      void vscode.window.showErrorMessage(`Cannot show the statuses: ${message}`);
    }
  }
}
