// Picks the Polyaxon project: the current one first, any project on the server, or a new `<repo>-<user>`.
import { userName } from '../../shared/userName';
import * as vscode from 'vscode';
import type { ConnectionProvider } from '../types';
import { isPolyaxonError } from '../../polyaxon/errors';
import type { Project } from '../../polyaxon/types';
import type { Continues } from '../../workbench/stepCounter';
import { MultiStepInput } from '../../workbench/vscode/multiStepInput';
import { projectSourceText } from '../projectInForce';
import { projectNameProblem, repoNameFromGitConfig, suggestProjectName } from '../projectName';

interface ProjectItem extends vscode.QuickPickItem {
  project?: string;
  create?: true;
}

export interface PickProjectOptions {
  title: string;
  allowCreate: boolean;
  /** The pick is the last step of a form whose earlier steps were shown before (Configure Connection's third). */
  continues?: Continues;
}

/** A one-step picker; resolves the chosen (or created) project name, undefined when dismissed. */
export async function pickProject(connections: ConnectionProvider, opts: PickProjectOptions): Promise<string | undefined> {
  let chosen: string | undefined;
  const completed = await MultiStepInput.run(
    opts.title,
    [
      async (input) => {
        chosen = await projectStep(connections, input, opts.allowCreate);
      },
    ],
    opts.continues,
  );
  return completed ? chosen : undefined;
}

/** The same choice as a step of a larger wizard (Back and Escape propagate through `input`). */
export async function projectStep(connections: ConnectionProvider, input: MultiStepInput, allowCreate: boolean): Promise<string> {
  const conn = await connections.get();
  const suggestion = await suggestedProjectName();
  let loadProblem: string | undefined;
  const projects = conn.client.listProjects(conn.owner, { sort: '-updated_at', limit: 100 }).then(
    (page) => page.results,
    (e: unknown) => {
      loadProblem = e instanceof Error ? e.message : String(e);
      return [] as Project[];
    },
  );
  const current = conn.project && { name: conn.project, from: conn.projectSource ? `, ${projectSourceText(conn.projectSource)}` : '' };
  const items = projects.then((list) => projectItems(list, current || undefined, allowCreate ? suggestion : undefined, allowCreate));
  for (;;) {
    const picked = await input.showQuickPick<ProjectItem>({
      placeholder: 'Project for the service (type to filter)',
      items: items.then((list) => (loadProblem ? [problemItem(loadProblem), ...list] : list)),
      matchOnDescription: true,
    });
    if (picked.project) return picked.project;
    if (!picked.create) continue;
    try {
      return await createProjectBox(connections, input, suggestion);
    } catch (e) {
      if (!MultiStepInput.isBack(e)) throw e;
    }
  }
}

function projectItems(
  projects: readonly Project[],
  current: { name: string; from: string } | undefined,
  suggestion: string | undefined,
  allowCreate: boolean,
): ProjectItem[] {
  const items: ProjectItem[] = [];
  if (current) items.push({ label: current.name, description: `current project${current.from}`, project: current.name });
  for (const p of projects) {
    if (p.name === current?.name) continue;
    items.push({ label: p.name, description: p.name === suggestion ? 'suggested' : (p.description ?? undefined), project: p.name });
  }
  if (allowCreate) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(add) Create Project…', description: suggestion, create: true },
    );
  }
  return items;
}

function problemItem(message: string): ProjectItem {
  return { label: '$(warning) Could not list the projects', detail: message, alwaysShow: true };
}

async function createProjectBox(connections: ConnectionProvider, input: MultiStepInput, suggestion: string | undefined): Promise<string> {
  return input.showInputBox({
    prompt: 'Name of the new project, usually <repo>-<your name>',
    value: suggestion,
    back: true,
    validate: projectNameProblem,
    accept: async (name) => {
      const conn = await connections.get();
      try {
        await conn.client.createProject(conn.owner, { name });
        return undefined;
      } catch (e) {
        // A taken name is a 400 `{"name": [...]}`: show it in place so the user can change it.
        if (isPolyaxonError(e, 'validation')) return e.details.join(' ') || e.message;
        return e instanceof Error ? e.message : String(e);
      }
    },
  });
}

/** `<repo>-<user>`: the repo from the first folder's `origin` remote, else the folder's name. */
export async function suggestedProjectName(): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  let repo = folder?.name;
  if (folder) {
    try {
      const config = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.git', 'config'));
      repo = repoNameFromGitConfig(Buffer.from(config).toString('utf8')) ?? repo;
    } catch {
      // Not a git checkout: the folder name will do.
    }
  }
  return suggestProjectName(repo, userName());
}
