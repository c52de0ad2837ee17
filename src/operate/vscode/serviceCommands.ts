import * as vscode from 'vscode';
import { stopService } from '../../runs/stopService';
import type { CommandId } from '../../shared/commandIds';
import type { ConnectionProvider } from '../../connection/types';
import type { ServiceOpener } from '../../runs/viewPorts';
import type { Run, RunRef } from '../../polyaxon/types';
import { isDone } from '../../polyaxon/statuses';
import { runServiceUiUrl, serviceUrl } from '../../polyaxon/urls';
import { isV2 } from '../../polyaxon/version';
import { FILTER_LABELS, type ServiceFilter } from '../../runs/serviceList';
import { browserUrl, openInUserBrowser } from '../../workbench/vscode/openInBrowser';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import type { ServicesModel } from '../../runs/servicesModel';
import { registerCommands, type CommandTable } from '../../workbench/vscode/registerCommands';
import { pickFromView, resolveTarget, type ServiceArg, type ServiceTarget } from './serviceTarget';

export interface ServiceCommandDeps {
  connections: ConnectionProvider;
  view: ServicesModel;
  opener: ServiceOpener;
  prompts: Prompts;
  showLogs(ref: RunRef): Promise<void>;
  showStatuses(ref: RunRef): Promise<void>;
  /** Stops the service (asked first) and launches its copy: the launch manager's restart. */
  restart(ref: RunRef): Promise<Run | undefined>;
  /** Set inside a Polyaxon service: stopping or deleting it needs an extra warning. */
  currentRun: RunRef | undefined;
  log: vscode.LogOutputChannel;
}

function label(target: ServiceTarget): string {
  return `"${target.run.name ?? target.run.uuid}" (${target.ref.project}, ${target.run.uuid.slice(0, 8)})`;
}

export function registerServiceCommands(deps: ServiceCommandDeps): vscode.Disposable[] {
  const { connections, view, opener, prompts } = deps;
  const target = (arg: ServiceArg, verb: string) => resolveTarget(arg, connections, view, `Select the service to ${verb}`);
  const isCurrent = (t: ServiceTarget) => deps.currentRun?.uuid === t.run.uuid;

  const commands: CommandTable = {
    'polyaxon.refresh': () => view.refresh(),

    'polyaxon.filter': async (arg?: ServiceFilter) => {
      const filter =
        arg ??
        (
          await vscode.window.showQuickPick(
            (Object.keys(FILTER_LABELS) as ServiceFilter[]).map((f) => ({
              label: FILTER_LABELS[f],
              picked: f === view.filter,
              filter: f,
              description: f === view.filter ? 'current' : undefined,
            })),
            { placeHolder: 'Which services should the view list?' },
          )
        )?.filter;
      if (filter) await view.setFilter(filter);
    },

    'polyaxon.openInWebview': async (arg?: ServiceArg) => {
      const t = await target(arg, 'open');
      if (t) await opener.openInWebview(t.ref, t.run);
    },

    'polyaxon.openInBrowser': async (arg?: ServiceArg) => {
      const t = await target(arg, 'open in the browser');
      if (t) await opener.openInBrowser(t.ref, t.run);
    },

    'polyaxon.copyUrl': async (arg?: ServiceArg) => {
      const t = await target(arg, 'copy the URL of');
      if (!t) return;
      const v2 = isV2(await connections.installation());
      const url = await browserUrl(serviceUrl(t.conn.host, t.ref, t.run, { v2 }));
      await vscode.env.clipboard.writeText(url);
      void vscode.window.showInformationMessage(`Copied the URL of ${label(t)}: ${url}`);
      return url;
    },

    'polyaxon.openInPolyaxonUI': async (arg?: ServiceArg) => {
      const t = await target(arg, 'open in the Polyaxon UI');
      if (t) await openInUserBrowser(runServiceUiUrl(t.conn.host, t.ref));
    },

    'polyaxon.showLogs': async (arg?: ServiceArg) => {
      const t = await target(arg, 'show the logs of');
      if (t) await deps.showLogs(t.ref);
    },

    'polyaxon.showStatuses': async (arg?: ServiceArg) => {
      const t = await target(arg, 'show the statuses of');
      if (t) await deps.showStatuses(t.ref);
    },

    'polyaxon.stop': async (arg?: ServiceArg) => {
      const t = await target(arg, 'stop');
      if (!t) return false;
      if (t.run.status && isDone(t.run.status)) {
        void vscode.window.showInformationMessage(`Polyaxon: ${label(t)} is already ${t.run.status}.`);
        view.refreshNow();
        return false;
      }
      const ok = await prompts.confirm(`Stop the Polyaxon service ${label(t)}?`, {
        action: 'Stop Service',
        detail: isCurrent(t)
          ? 'This is the service you are working in: stopping it ends this VS Code session. Files on the shared volume stay.'
          : 'Its pod is removed; files on the shared volume stay. You can restart it later.',
      });
      if (!ok) return false;
      await stopService(t.conn.client, t.ref, { refresher: view, opener });
      void vscode.window.showInformationMessage(`Polyaxon: stopping ${label(t)}.`);
      return true;
    },

    'polyaxon.delete': async (arg?: ServiceArg) => {
      const t = await target(arg, 'delete');
      if (!t) return false;
      const running = !(t.run.status && isDone(t.run.status));
      const ok = await prompts.confirm(`Delete the Polyaxon service ${label(t)}?`, {
        action: 'Delete',
        modal: true,
        detail: [
          isCurrent(t) ? 'This is the service you are working in: deleting it ends this VS Code session.' : '',
          running ? 'It is still active and will be stopped.' : '',
          'Its run, statuses and logs are removed from Polyaxon. Files on the shared volume stay. This cannot be undone.',
        ]
          .filter(Boolean)
          .join(' '),
      });
      if (!ok) return false;
      await t.conn.client.deleteRun(t.ref);
      view.refreshNow();
      opener.refresh(t.ref, 'deleted');
      void vscode.window.showInformationMessage(`Polyaxon: deleted ${label(t)}.`);
      return true;
    },

    'polyaxon.restart': async (arg?: ServiceArg) => {
      const t = await target(arg, 'restart');
      return t ? deps.restart(t.ref) : undefined;
    },

    'polyaxon.pickService': async () => {
      const ref = await pickFromView(view, 'Select a Polyaxon service to open');
      if (ref) await vscode.commands.executeCommand('polyaxon.openInWebview' satisfies CommandId, ref);
    },
  };

  return registerCommands(deps, commands);
}
