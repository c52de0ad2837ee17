import { textOf } from '../../polyaxon/serverText';
import { KIND_LABEL } from '../../presentation/runWording';
import { localTime } from '../../presentation/age';
import * as vscode from 'vscode';
import type { ProjectRef, RunRef } from '../../polyaxon/types';
import { isRunning, isTransitional } from '../../polyaxon/statuses';
import { serviceRowText } from '../serviceRow';
import type { Run } from '../../polyaxon/types';
import { serviceContextValue } from '../contextValue';
import { serviceKindOfRun, type ServiceKind } from '../../polyaxon/serviceKind';
import type { ProjectServices, ServicesSnapshot } from '../../runs/servicesSnapshot';
import { statusInfo } from '../../polyaxon/statuses';
import { escapeMarkdown, inlineCode } from '../../presentation/markdownText';

export class ProjectNode {
  readonly type = 'project';
  constructor(
    readonly data: ProjectServices,
    readonly host: string,
  ) {}
  get ref(): ProjectRef {
    return this.data.ref;
  }
}

/** One service row. The tree keeps the same node while the run is listed (stable identity), and only it moves the run on. */
export class ServiceNode {
  readonly type = 'service';
  constructor(
    private current: Run,
    readonly project: ProjectRef,
    readonly host: string,
    readonly isCurrent: boolean,
    /** Polyaxon's reason for a failure or warning, shown in the row. */
    private why?: string,
  ) {}
  get run(): Run {
    return this.current;
  }
  get reason(): string | undefined {
    return this.why;
  }
  get ref(): RunRef {
    return { ...this.project, uuid: this.current.uuid };
  }
  /** For ServicesTreeProvider only. */
  moveTo(run: Run, reason: string | undefined): void {
    this.current = run;
    this.why = reason;
  }
}

export class MessageNode {
  readonly type = 'message';
  constructor(
    readonly text: string,
    readonly icon: string,
    readonly command?: vscode.Command,
  ) {}
}

export type ServicesTreeNode = ProjectNode | ServiceNode | MessageNode;

const KIND_ICON: Record<ServiceKind, string> = { vscode: 'vscode', jupyter: 'notebook', other: 'server-process' };

function serviceIcon(run: Run): vscode.ThemeIcon {
  const display = statusInfo(run.status);
  const color = new vscode.ThemeColor(display.color);
  // The kind icon, coloured by status, while steady; the status's own icon while moving or in trouble.
  const steady = display.group === 'running' || display.group === 'stopped' || display.group === 'succeeded';
  if (steady && !(run.status && isTransitional(run.status))) return new vscode.ThemeIcon(KIND_ICON[serviceKindOfRun(run)], color);
  return new vscode.ThemeIcon(display.icon, color);
}

/**
 * What only a run's own answer tells (a list item has no compiled `content`): the image its container runs, which
 * `inputs.DOCKER_IMAGE` gives only for polyaxonfiles that name their image input so, and its size ("3 CPUs, 6 GiB").
 */
export interface CompiledDetails {
  image?: string;
  size?: string;
}

function tooltip(node: ServiceNode, lastMessage?: string, details: CompiledDetails = {}): vscode.MarkdownString {
  const { run } = node;
  const display = statusInfo(run.status);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(run.name ?? run.uuid)}** · ${KIND_LABEL[serviceKindOfRun(run)]}  \n`);
  md.appendMarkdown(
    `$(${display.icon.replace('~spin', '')}) ${display.label}${node.isCurrent ? ' · **this is the service you are working in**' : ''}\n\n`,
  );
  const rows: [string, unknown][] = [
    ['Image', details.image ?? run.inputs?.DOCKER_IMAGE],
    ['Working dir', run.inputs?.WORKING_DIR],
    ['Resources', details.size],
    ['Project', `${node.project.owner}/${node.project.project}`],
    ['UUID', run.uuid],
    ['Created', run.created_at && localTime(run.created_at)],
    ['Started', run.started_at && localTime(run.started_at)],
    ['Finished', run.finished_at && localTime(run.finished_at)],
  ];
  for (const [label, value] of rows) {
    if (value !== undefined && value !== null && value !== '') md.appendMarkdown(`${label}: ${inlineCode(textOf(value))}  \n`);
  }
  if (lastMessage) md.appendMarkdown(`\nLast status: ${escapeMarkdown(lastMessage)}`);
  return md;
}

/** Which rows there are, in order: when it changes the tree redraws from the root, otherwise only changed rows. */
function structureOf(snapshot: ServicesSnapshot | undefined): string {
  if (!snapshot) return '';
  const projects = snapshot.projects.map(
    (p) => `${p.ref.owner}/${p.ref.project}:${p.error?.message ?? ''}:${p.runs.map((r) => r.uuid).join(',')}`,
  );
  return `${snapshot.host}\u0000${projects.join('\u0000')}`;
}

export class ServicesTreeProvider implements vscode.TreeDataProvider<ServicesTreeNode> {
  private readonly changed = new vscode.EventEmitter<ServicesTreeNode | ServicesTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private structure = '';
  private roots: ProjectNode[] = [];
  private readonly children = new Map<ProjectNode, ServicesTreeNode[]>();
  private readonly services = new Map<string, { node: ServiceNode; parent: ProjectNode; shown: string }>();

  constructor(
    private readonly currentRun: RunRef | undefined,
    /** The last status condition's message, fetched lazily when a tooltip is shown. */
    private readonly lastStatusMessage: (ref: RunRef) => Promise<string | undefined>,
    /** Polyaxon's reason for a failed or warning run, as far as it is known. */
    private readonly reasonOf: (ref: RunRef, run: Run) => string | undefined = () => undefined,
    /** What the run was compiled with (its image, its CPUs and memory), fetched lazily when a tooltip is shown. */
    private readonly detailsOf: (ref: RunRef) => Promise<CompiledDetails> = () => Promise.resolve({}),
  ) {}

  /** Fires for the rows whose text changed only; for the whole tree only when rows come, go or move. */
  update(snapshot: ServicesSnapshot | undefined): void {
    const structure = structureOf(snapshot);
    if (structure !== this.structure) {
      this.structure = structure;
      this.rebuild(snapshot);
      this.changed.fire(undefined);
      return;
    }
    const changed: ServiceNode[] = [];
    for (const project of snapshot?.projects ?? []) {
      for (const run of project.runs) {
        const row = this.services.get(run.uuid);
        if (!row) continue;
        const reason = this.reasonOf({ ...project.ref, uuid: run.uuid }, run);
        const shown = rowKey(run, row.node.isCurrent, reason);
        if (shown === row.shown) continue;
        row.node.moveTo(run, reason);
        row.shown = shown;
        changed.push(row.node);
      }
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  private rebuild(snapshot: ServicesSnapshot | undefined): void {
    const previous = new Map([...this.services].map(([uuid, row]) => [uuid, row.node]));
    this.children.clear();
    this.services.clear();
    this.roots = (snapshot?.projects ?? []).map((p) => new ProjectNode(p, snapshot?.host ?? ''));
    for (const parent of this.roots) {
      const { data } = parent;
      if (data.error) {
        this.children.set(parent, [
          new MessageNode(data.error.message, 'error', { command: 'polyaxon.selectProject', title: 'Select Project…' }),
        ]);
        continue;
      }
      if (data.runs.length === 0) {
        this.children.set(parent, [
          new MessageNode('No services', 'info', { command: 'polyaxon.launchVSCode', title: 'Launch Cluster VSCode' }),
        ]);
        continue;
      }
      const rows = data.runs.map((run) => {
        const isCurrent = this.isCurrent(parent.ref, run);
        const reason = this.reasonOf({ ...parent.ref, uuid: run.uuid }, run);
        const kept = previous.get(run.uuid);
        const node =
          kept && kept.isCurrent === isCurrent && kept.host === parent.host
            ? kept
            : new ServiceNode(run, parent.ref, parent.host, isCurrent);
        node.moveTo(run, reason);
        this.services.set(run.uuid, { node, parent, shown: rowKey(run, isCurrent, reason) });
        return node;
      });
      this.children.set(parent, rows);
    }
  }

  getChildren(node?: ServicesTreeNode): ServicesTreeNode[] {
    if (!node) return this.roots;
    return node instanceof ProjectNode ? (this.children.get(node) ?? []) : [];
  }

  private isCurrent(project: ProjectRef, run: Run): boolean {
    const c = this.currentRun;
    return !!c && c.uuid === run.uuid && c.project === project.project;
  }

  getTreeItem(node: ServicesTreeNode): vscode.TreeItem {
    if (node instanceof ProjectNode) {
      const item = new vscode.TreeItem(node.ref.project, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `project:${node.ref.owner}/${node.ref.project}`;
      item.iconPath = new vscode.ThemeIcon(node.data.error ? 'warning' : 'project');
      item.description = node.host.replace(/^https?:\/\//, '');
      item.contextValue = 'project';
      item.tooltip = `${node.ref.owner}/${node.ref.project} on ${node.host}`;
      return item;
    }
    if (node instanceof ServiceNode) {
      const { run } = node;
      const text = serviceRowText(run, { isCurrent: node.isCurrent, reason: node.reason, now: Date.now() });
      const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.None);
      item.id = `service:${run.uuid}`;
      item.iconPath = serviceIcon(run);
      item.description = text.description;
      item.contextValue = serviceContextValue(run);
      item.accessibilityInformation = { label: text.accessibility };
      if (run.status && isRunning(run.status)) {
        item.command = { command: 'polyaxon.openInWebview', title: 'Open in VS Code', arguments: [node] };
      }
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.command = node.command;
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ServicesTreeNode): Promise<vscode.TreeItem> {
    if (node instanceof ServiceNode) {
      const [message, details] = await Promise.all([
        this.lastStatusMessage(node.ref).catch(() => undefined),
        this.detailsOf(node.ref).catch(() => ({})),
      ]);
      item.tooltip = tooltip(node, message, details);
    }
    return item;
  }

  getParent(node: ServicesTreeNode): ServicesTreeNode | undefined {
    return node instanceof ServiceNode ? this.services.get(node.run.uuid)?.parent : undefined;
  }
}

/** Everything a row shows (text, icon, menus): equal keys, nothing to redraw. */
function rowKey(run: Run, isCurrent: boolean, reason: string | undefined): string {
  const text = serviceRowText(run, { isCurrent, reason, now: Date.now() });
  return [text.label, text.description, serviceContextValue(run), run.status ?? ''].join('\u0000');
}
