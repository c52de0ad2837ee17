import * as vscode from 'vscode';
import type { ConnectionManager } from './connectionManager';
import { withTlsTrust, type TlsTrustPorts } from '../tlsTrust';
import { normaliseHostInput, plainHttpTokenProblem } from '../hostPolicy';
import { pickProject } from './projectPicker';
import type { Prompts } from '../../workbench/vscode/windowPrompts';
import { registerCommands, type CommandTable } from '../../workbench/vscode/registerCommands';

export interface ConnectionCommandDeps {
  connections: ConnectionManager;
  log: vscode.LogOutputChannel;
  prompts: Prompts;
}

export interface ConfigureArgs {
  host?: string;
  /** An empty string removes the stored token. */
  token?: string;
  project?: string;
}

export interface ConnectionTestResult {
  host: string;
  version: string;
  dist: string | undefined;
  projectCount: number | null;
  roundTripMs: number;
}

/** The certificate offer's file picker and settings; the modal itself goes through the prompts port. */
function tlsTrustPorts(prompts: Prompts): TlsTrustPorts {
  const tls = () => vscode.workspace.getConfiguration('polyaxon.tls');
  return {
    prompts,
    pickCaFile: async (host) => {
      const picked = await vscode.window.showOpenDialog({
        title: `Certificate authority of ${host}`,
        openLabel: 'Trust',
        canSelectMany: false,
        filters: { 'PEM certificates': ['pem', 'crt', 'cer'], 'All files': ['*'] },
      });
      return picked?.[0]?.fsPath;
    },
    setCaFile: (file) => Promise.resolve(tls().update('caFile', file, vscode.ConfigurationTarget.Global)),
    allowInsecure: () => Promise.resolve(tls().update('insecure', true, vscode.ConfigurationTarget.Global)),
  };
}

/** Configure Connection's third step: the host and token boxes were its first two. */
const CONFIGURE_PROJECT = { title: 'Polyaxon: Configure Connection', allowCreate: true, continues: { before: 2, total: 3 } };

export function registerConnectionCommands({ connections, log, prompts }: ConnectionCommandDeps): vscode.Disposable[] {
  const selectProject = async (args?: { project?: string; createMissing?: boolean }): Promise<string | undefined> => {
    if (args?.createMissing) return createMissingProject();
    return choose(args?.project ?? (await pickProject(connections, { title: 'Polyaxon: Select Project', allowCreate: true })));
  };

  // Kept in this workspace's memory: a project like <repo>-<name> is one person's, not the repository's.
  const choose = async (project: string | undefined): Promise<string | undefined> => {
    if (project) await connections.chooseProject(project);
    return project;
  };

  /** The welcome view's Create Project: creates the project in force (it does not exist), then lists it. */
  const createMissingProject = async (): Promise<string | undefined> => {
    const conn = await connections.get();
    if (!conn.project) return selectProject();
    await conn.client.createProject(conn.owner, { name: conn.project });
    log.info(`Created the project ${conn.owner}/${conn.project} on ${conn.host}.`);
    await vscode.commands.executeCommand('polyaxon.refresh');
    return conn.project;
  };

  const testConnection = async (args?: { quiet?: boolean }): Promise<ConnectionTestResult> => {
    // A certificate error is explained in a modal that offers to trust the CA or skip the checks, then retried once.
    const result = await withTlsTrust(tlsTrustPorts(prompts), () => runTest());
    const summary = `Connected to Polyaxon ${result.version}${result.dist ? ` (${result.dist})` : ''} at ${result.host}: ${result.projectCount ?? 'some'} project(s), ${result.roundTripMs} ms.`;
    log.info(summary);
    if (!args?.quiet) void vscode.window.showInformationMessage(summary);
    return result;
  };

  const runTest = async (): Promise<ConnectionTestResult> => {
    const conn = await connections.get();
    const started = Date.now();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Polyaxon: testing ${conn.host}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        // The installation proves it is Polyaxon (and which one); a one-item project list proves the API and the token.
        const installation = await conn.client.getInstallation(abort.signal);
        const projects = await conn.client.listProjects(conn.owner, { limit: 1 }, abort.signal);
        return {
          host: conn.host,
          version: installation.version,
          dist: installation.dist,
          projectCount: projects.count,
          roundTripMs: Date.now() - started,
        };
      },
    );
  };

  const configureConnection = async (args?: ConfigureArgs): Promise<boolean> => {
    const current = await connections.describe();
    const hostInput =
      args?.host ??
      (await vscode.window.showInputBox({
        title: 'Polyaxon: Configure Connection (1/3)',
        prompt: "URL of the Polyaxon gateway, e.g. http://localhost:8888 after Connect to Cluster or 'polyaxon port-forward --port=8888'",
        value: current.host,
        ignoreFocusOut: true,
        validateInput: (v) => {
          try {
            normaliseHostInput(v);
            return undefined;
          } catch (e) {
            return (e as Error).message;
          }
        },
      }));
    if (hostInput === undefined) return false;
    const host = normaliseHostInput(hostInput);
    await vscode.workspace.getConfiguration('polyaxon').update('host', host, vscode.ConfigurationTarget.Global);

    let token = args?.token;
    if (token === undefined && !args?.host) {
      const stored = await connections.hasStoredToken(host);
      token = await vscode.window.showInputBox({
        title: 'Polyaxon: Configure Connection (2/3)',
        prompt: stored
          ? 'A token is stored for this host. Leave empty to keep it, or enter a new one.'
          : 'API token (optional: Polyaxon CE has no authentication). Stored in VS Code’s secret storage.',
        password: true,
        ignoreFocusOut: true,
      });
      if (token === undefined) return false;
      if (token === '' && stored) token = undefined; // keep the stored one
    }
    // Refused before it is stored: a token kept for a plain-http host could only ever be sent in clear text.
    const insecure = token?.trim() ? plainHttpTokenProblem(host, process.env) : undefined;
    if (insecure) throw new Error(insecure);
    if (token !== undefined) await connections.setToken(host, token.trim() || undefined);

    if (args?.project) await connections.chooseProject(args.project);
    else if (!args?.host) {
      try {
        await testConnection({ quiet: false });
      } catch (error) {
        // Kept as typed (the port-forward may come next); the notice leads back to the form, the host filled in.
        void prompts
          .choose(`Polyaxon: saved, but the test failed: ${(error as Error).message}`, ['Edit Connection', 'Test Again'] as const, {
            severity: 'warning',
          })
          .then((answer) => {
            if (answer === 'Edit Connection') return vscode.commands.executeCommand('polyaxon.configureConnection');
            if (answer === 'Test Again') return vscode.commands.executeCommand('polyaxon.testConnection');
            return undefined;
          });
        return true;
      }
      await choose(await pickProject(connections, CONFIGURE_PROJECT));
    }
    return true;
  };

  const signOut = async (): Promise<void> => {
    const { host } = await connections.describe();
    if (!(await connections.hasStoredToken(host))) {
      void vscode.window.showInformationMessage(`Polyaxon: no token is stored for ${host}.`);
      return;
    }
    await connections.setToken(host, undefined);
    void vscode.window.showInformationMessage(`Polyaxon: removed the token for ${host}.`);
  };

  const commands: CommandTable = {
    'polyaxon.configureConnection': configureConnection,
    'polyaxon.selectProject': selectProject,
    'polyaxon.testConnection': testConnection,
    'polyaxon.signOut': signOut,
    'polyaxon.showOutput': () => log.show(),
  };
  return registerCommands({ log, prompts }, commands);
}
