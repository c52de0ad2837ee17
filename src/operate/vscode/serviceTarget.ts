import * as vscode from 'vscode';
import type { Connection, ConnectionProvider } from '../../connection/types';
import type { RunRef } from '../../polyaxon/types';
import type { Run } from '../../polyaxon/types';
import { ServiceNode } from '../../servicesView/vscode/servicesTree';
import type { ServicesModel } from '../../runs/servicesModel';
import { statusInfo } from '../../polyaxon/statuses';

export interface ServiceTarget {
  conn: Connection;
  ref: RunRef;
  run: Run;
}

/** What a service command may be called with: a tree node, `{project?, owner?, uuid}`, or nothing (then the user picks). */
export type ServiceArg = ServiceNode | { uuid: string; project?: string; owner?: string } | undefined;

/** Which services a command's picker offers, and what it says when there is none. */
export interface PickFilter {
  accepts(run: Run): boolean;
  /** Says there is nothing to pick; the picker then does not open. */
  none(): Promise<void>;
}

export async function pickFromView(view: ServicesModel, placeHolder: string, filter?: PickFilter): Promise<RunRef | undefined> {
  if (!view.snapshot) await view.refresh();
  const entries = (view.snapshot?.projects ?? []).flatMap((p) =>
    p.runs.filter((run) => filter?.accepts(run) ?? true).map((run) => ({ run, ref: { ...p.ref, uuid: run.uuid } })),
  );
  if (entries.length === 0) {
    if (filter && !view.lastError) await filter.none();
    else {
      void vscode.window.showInformationMessage(
        view.lastError ? `Polyaxon: ${view.lastError.message}` : 'Polyaxon: there are no services in this project.',
      );
    }
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({
      label: `$(${statusInfo(e.run.status).icon}) ${e.run.name ?? e.run.uuid}`,
      description: statusInfo(e.run.status).label,
      detail: `${e.ref.project} · ${e.run.uuid}`,
      ref: e.ref,
    })),
    { placeHolder },
  );
  return picked?.ref;
}

/** Turns a command argument into a fresh view of the run: actions decide on the server's state, not the tree's. */
export async function resolveTarget(
  arg: ServiceArg,
  connections: ConnectionProvider,
  view: ServicesModel,
  placeHolder: string,
  filter?: PickFilter,
): Promise<ServiceTarget | undefined> {
  const conn = await connections.get();
  let ref: RunRef | undefined;
  if (arg instanceof ServiceNode) ref = arg.ref;
  else if (arg && typeof arg.uuid === 'string') {
    // Without a project: the one the tree lists it under, else the current one.
    const listedIn = view.snapshot?.projects.find((p) => p.runs.some((r) => r.uuid === arg.uuid))?.ref.project;
    const project = arg.project ?? listedIn ?? conn.project;
    if (!project) throw new Error('No Polyaxon project is selected: run Polyaxon: Select Project… first.');
    ref = { owner: arg.owner ?? conn.owner, project, uuid: arg.uuid };
  } else ref = await pickFromView(view, placeHolder, filter);
  if (!ref) return undefined;
  const run = await conn.client.getRun(ref);
  return { conn, ref, run };
}
