import { textOf } from '../polyaxon/serverText';
import * as vscode from 'vscode';
import type { ProjectRef, RunRef } from '../polyaxon/types';
import { isRunning, isTransitional } from '../polyaxon/statuses';
import type { Run } from '../polyaxon/types';
import { ageText } from '../services/age';
import { serviceContextValue } from '../services/contextValue';
import { serviceKindOfRun, type ServiceKind } from '../polyaxon/serviceKind';
import type { ProjectServices, ServicesSnapshot } from '../services/servicesSnapshot';
import { statusInfo } from '../polyaxon/statuses';
import { escapeMarkdown, inlineCode } from '../presentation/markdownText';

export class ProjectNode {
  readonly type = 'project';
  constructor(readonly data: ProjectServices, readonly host: string) {}
  get ref(): ProjectRef {
    return this.data.ref;
  }
}

export class ServiceNode {
  readonly type = 'service';
  constructor(readonly run: Run, readonly project: ProjectRef, readonly host: string, readonly isCurrent: boolean) {}
  get ref(): RunRef {
    return { ...this.project, uuid: this.run.uuid };
  }
}

export class MessageNode {
  readonly type = 'message';
  constructor(readonly text: string, readonly icon: string, readonly command?: vscode.Command) {}
}

export type ServicesTreeNode = ProjectNode | ServiceNode | MessageNode;

const KIND_ICON: Record<ServiceKind, string> = { vscode: 'vscode', jupyter: 'notebook', other: 'server-process' };
const KIND_LABEL: Record<ServiceKind, string> = { vscode: 'VS Code', jupyter: 'Jupyter Lab', other: 'Service' };

function serviceIcon(run: Run): vscode.ThemeIcon {
  const display = statusInfo(run.status);
  const color = new vscode.ThemeColor(display.color);
  // The kind icon, coloured by status, while steady; the status's own icon while moving or in trouble.
  const steady = display.group === 'running' || display.group === 'stopped' || display.group === 'succeeded';
  if (steady && !(run.status && isTransitional(run.status))) return new vscode.ThemeIcon(KIND_ICON[serviceKindOfRun(run)], color);
  return new vscode.ThemeIcon(display.icon, color);
}

function tooltip(node: ServiceNode, lastMessage?: string): vscode.MarkdownString {
  const { run } = node;
  const display = statusInfo(run.status);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(run.name ?? run.uuid)}** · ${KIND_LABEL[serviceKindOfRun(run)]}  \n`);
  md.appendMarkdown(`$(${display.icon.replace('~spin', '')}) ${display.label}${node.isCurrent ? ' · **this is the service you are working in**' : ''}\n\n`);
  const rows: [string, unknown][] = [
    ['Image', run.inputs?.DOCKER_IMAGE],
    ['Working dir', run.inputs?.WORKING_DIR],
    ['Project', `${node.project.owner}/${node.project.project}`],
    ['UUID', run.uuid],
    ['Created', run.created_at],
    ['Started', run.started_at],
    ['Finished', run.finished_at],
  ];
  for (const [label, value] of rows) {
    if (value !== undefined && value !== null && value !== '') md.appendMarkdown(`${label}: ${inlineCode(textOf(value))}  \n`);
  }
  if (lastMessage) md.appendMarkdown(`\nLast status: ${escapeMarkdown(lastMessage)}`);
  return md;
}

export class ServicesTreeProvider implements vscode.TreeDataProvider<ServicesTreeNode> {
  private readonly changed = new vscode.EventEmitter<ServicesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: ServicesSnapshot | undefined;

  constructor(
    private readonly currentRun: RunRef | undefined,
    /** The last status condition's message, fetched lazily when a tooltip is shown. */
    private readonly lastStatusMessage: (ref: RunRef) => Promise<string | undefined>,
  ) {}

  update(snapshot: ServicesSnapshot | undefined): void {
    this.snapshot = snapshot;
    this.changed.fire(undefined);
  }

  getChildren(node?: ServicesTreeNode): ServicesTreeNode[] {
    const snapshot = this.snapshot;
    if (!snapshot) return [];
    if (!node) return snapshot.projects.map((p) => new ProjectNode(p, snapshot.host));
    if (node instanceof ProjectNode) {
      if (node.data.error) return [new MessageNode(node.data.error.message, 'error', { command: 'polyaxon.selectProject', title: 'Select Project…' })];
      if (node.data.runs.length === 0) return [new MessageNode('No services', 'info', { command: 'polyaxon.launchVSCode', title: 'Launch Cluster VSCode' })];
      return node.data.runs.map((run) => new ServiceNode(run, node.ref, snapshot.host, this.isCurrent(node.ref, run)));
    }
    return [];
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
      const item = new vscode.TreeItem(run.name ?? run.uuid.slice(0, 8), vscode.TreeItemCollapsibleState.None);
      item.id = `service:${run.uuid}`;
      item.iconPath = serviceIcon(run);
      const age = ageText(run, Date.now());
      item.description = [node.isCurrent ? 'this environment' : '', statusInfo(run.status).label, age].filter(Boolean).join(' · ');
      item.contextValue = serviceContextValue(run, node.isCurrent);
      item.accessibilityInformation = { label: `${run.name ?? run.uuid}, ${statusInfo(run.status).label}` };
      if (run.status && isRunning(run.status)) {
        item.command = { command: 'polyaxon.openInWebview', title: 'Open in VS Code', arguments: [node] };
      }
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.command = node.command;
    item.contextValue = 'message';
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ServicesTreeNode): Promise<vscode.TreeItem> {
    if (node instanceof ServiceNode) {
      const message = await this.lastStatusMessage(node.ref).catch(() => undefined);
      item.tooltip = tooltip(node, message);
    }
    return item;
  }

  getParent(node: ServicesTreeNode): ServicesTreeNode | undefined {
    if (!(node instanceof ServiceNode) || !this.snapshot) return undefined;
    const project = this.snapshot.projects.find((p) => p.ref.project === node.project.project && p.ref.owner === node.project.owner);
    return project ? new ProjectNode(project, this.snapshot.host) : undefined;
  }
}
