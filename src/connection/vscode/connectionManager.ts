import { createHash } from 'crypto';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { PolyaxonClient } from '../../polyaxon/client';
import type { Installation } from '../../polyaxon/types';
import { gatewayHeaders } from '../gatewayHeaders';
import { readCliConfig } from '../cliConfig';
import { preferForwardedHost, type EffectiveHostSource } from '../forwardedHost';
import { normaliseHostInput, plainHttpTokenProblem } from '../hostPolicy';
import { requestTimeoutMs } from '../requestTimeout';
import { resolveHost, resolveToken, type TokenSource } from '../resolve';
import { TokenStore } from './tokenStore';
import { validHost } from '../validHost';
import type { Connection, ConnectionProvider } from '../types';
import { projectInForce, type ProjectSource } from '../projectInForce';

export interface ConnectionDescription {
  host: string;
  hostSource: EffectiveHostSource;
  owner: string;
  project: string | undefined;
  tokenSource: TokenSource;
  /** Why a CLI or environment token was not used for this host. */
  tokenWithheld?: string;
}

const CONNECTION_SETTINGS = ['polyaxon.host', 'polyaxon.owner', 'polyaxon.project', 'polyaxon.tls', 'polyaxon.requestTimeoutSeconds'];
/** The project chosen with Select Project, kept per workspace outside the repository (not in .vscode/settings.json). */
const CHOSEN_PROJECT_KEY = 'polyaxon.chosenProject';

/** Builds the Polyaxon client from settings, environment, CLI config and SecretStorage; rebuilds it only on change. */
export class ConnectionManager implements ConnectionProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private cached: { key: string; connection: Connection } | undefined;
  private readonly installations = new Map<string, Promise<Installation>>();
  private forwardedHost: string | undefined;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: vscode.LogOutputChannel,
    /** The workspace's memory (ExtensionContext.workspaceState): where Select Project keeps its choice. */
    private readonly workspaceMemory: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Whoever spoke last wins: editing polyaxon.project replaces the project picked before.
        if (e.affectsConfiguration('polyaxon.project')) void this.workspaceMemory.update(CHOSEN_PROJECT_KEY, undefined);
        if (CONNECTION_SETTINGS.some((s) => e.affectsConfiguration(s))) this.invalidate();
      }),
      tokens.onDidChange(() => this.invalidate()),
    );
  }

  private invalidate(): void {
    this.cached = undefined;
    this.installations.clear();
    this.changed.fire();
  }

  /** The managed port-forward's address while it runs (see preferForwardedHost); undefined when there is none. */
  setForwardedHost(host: string | undefined): void {
    if (host === this.forwardedHost) return;
    this.forwardedHost = host;
    this.invalidate();
  }

  /** Host and token with where each comes from; the CLI's config files are read once for both. */
  private async resolve(config: vscode.WorkspaceConfiguration) {
    const cli = readCliConfig();
    const resolved = preferForwardedHost(resolveHost(config.get<string>('host'), this.env, cli), this.forwardedHost);
    const host = validHost(resolved);
    const { token, source, withheld } = resolveToken(host, await this.tokens.get(host), this.env, cli);
    return { host, hostSource: resolved.source, token, tokenSource: source, tokenWithheld: withheld };
  }

  /** Where the host and token come from; never the token itself. */
  async describe(): Promise<ConnectionDescription> {
    const { host, hostSource, tokenSource, tokenWithheld } = await this.resolve(vscode.workspace.getConfiguration('polyaxon'));
    return { host, hostSource, owner: this.owner(), project: this.project(), tokenSource, tokenWithheld };
  }

  owner(): string {
    return vscode.workspace.getConfiguration('polyaxon').get<string>('owner')?.trim() || 'default';
  }

  /** The project picked with Select Project in this workspace, else the polyaxon.project setting. */
  project(): string | undefined {
    return this.projectInForce()?.project;
  }

  /** The project and where it comes from: the Settings UI shows only the setting, which a choice overrides. */
  projectInForce(): { project: string; source: ProjectSource } | undefined {
    return projectInForce(
      this.workspaceMemory.get<string>(CHOSEN_PROJECT_KEY),
      vscode.workspace.getConfiguration('polyaxon').get<string>('project'),
    );
  }

  /** Remembers the project for this workspace only; the settings files (a team repository's too) stay as they are. */
  async chooseProject(project: string | undefined): Promise<void> {
    await this.workspaceMemory.update(CHOSEN_PROJECT_KEY, project);
    this.invalidate();
  }

  async get(): Promise<Connection> {
    const config = vscode.workspace.getConfiguration('polyaxon');
    const { host, hostSource, token, tokenWithheld } = await this.resolve(config);
    const insecure = token ? plainHttpTokenProblem(host, this.env) : undefined;
    if (insecure) throw new Error(insecure);
    const caFile = config.get<string>('tls.caFile')?.trim();
    const skipTlsCheck = config.get<boolean>('tls.insecure') ?? false;
    const timeoutMs = requestTimeoutMs(config.get<unknown>('requestTimeoutSeconds'));
    // A hash stands for the token in the cache key, so the token never lands in a string that could be logged.
    const inForce = this.projectInForce();
    const key = JSON.stringify([host, hostSource, token ? fingerprint(token) : '', caFile, skipTlsCheck, timeoutMs, this.owner(), inForce]);
    if (this.cached?.key === key) return this.cached.connection;
    if (tokenWithheld) this.log.info(`No token sent to ${host}: ${tokenWithheld}.`);

    const client = new PolyaxonClient({
      host,
      token,
      timeoutMs,
      ca: caFile ? this.readCa(caFile) : undefined,
      insecure: skipTlsCheck,
      onRequest: (e) => {
        const line = `${e.method} ${e.path} → ${e.status ?? e.error ?? 'no answer'} (${e.ms} ms)`;
        if (e.error || (e.status !== undefined && e.status >= 400)) this.log.warn(line);
        else this.log.info(line);
      },
      onWarning: (message) => this.log.warn(message),
    });
    const connection: Connection = {
      client,
      host,
      hostSource,
      owner: this.owner(),
      project: inForce?.project,
      projectSource: inForce?.source,
    };
    this.cached = { key, connection };
    return connection;
  }

  /** Headers for a request to `url` on the gateway (e.g. a Jupyter service): the token only for the configured host. */
  async gatewayHeaders(url: string): Promise<Record<string, string>> {
    const { host, token } = await this.resolve(vscode.workspace.getConfiguration('polyaxon'));
    return gatewayHeaders(host, token, url);
  }

  installation(signal?: AbortSignal): Promise<Installation> {
    return this.get().then((conn) => {
      let pending = this.installations.get(conn.host);
      if (!pending) {
        pending = conn.client.getInstallation(signal);
        this.installations.set(conn.host, pending);
        pending.catch(() => this.installations.delete(conn.host)); // retry next time
      }
      return pending;
    });
  }

  async setToken(host: string, token: string | undefined): Promise<void> {
    const key = normaliseHostInput(host);
    if (token) await this.tokens.set(key, token);
    else await this.tokens.delete(key);
    this.invalidate();
  }

  async hasStoredToken(host?: string): Promise<boolean> {
    const key = normaliseHostInput(host ?? (await this.describe()).host);
    return (await this.tokens.get(key)) !== undefined;
  }

  private readCa(file: string): string {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`Cannot read the CA file set in polyaxon.tls.caFile (${file}): ${(e as Error).message}`);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
