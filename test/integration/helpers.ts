// Shared helpers for integration tests that run inside VS Code's extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakePolyaxon, type FakeOptions, type FakePolyaxon } from '../fake-polyaxon/server';

/** The extension's folder (extensionDevelopmentPath): out/test/integration -> repo root. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface Manifest {
  name: string;
  publisher: string;
  contributes: { commands: { command: string; title: string }[] };
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

export function extension(): vscode.Extension<unknown> {
  const { publisher, name } = manifest();
  const ext = vscode.extensions.getExtension(`${publisher}.${name}`);
  if (!ext) throw new Error(`extension ${publisher}.${name} is not loaded in this VS Code`);
  return ext;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (throws `message`). */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  message: string,
  timeoutMs = 10000,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      lastError = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${message}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/** One request that reached the runner's request recorder (the host the extension starts with). */
export interface RecordedRequest {
  method: string;
  path: string;
  time: string;
}

/** Requests the runner's recorder saw so far (POLYAXON_TEST_REQUEST_LOG, set by run-integration.mjs). */
export function recordedRequests(): RecordedRequest[] {
  const file = process.env.POLYAXON_TEST_REQUEST_LOG;
  if (!file) throw new Error('POLYAXON_TEST_REQUEST_LOG is not set: run the suite with test/vscode-web/run-integration.mjs');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedRequest);
}

/**
 * Sets user (global) settings of the `polyaxon` section and returns a function that restores the previous
 * values. Use in before/after hooks so one test's connection does not leak into the next.
 */
export async function setSettings(values: Record<string, unknown>): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('polyaxon');
  const previous = Object.keys(values).map((key) => [key, config.inspect(key)?.globalValue] as const);
  for (const [key, value] of Object.entries(values)) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
  return async () => {
    for (const [key, value] of previous) {
      await vscode.workspace.getConfiguration('polyaxon').update(key, value, vscode.ConfigurationTarget.Global);
    }
  };
}

/**
 * Starts the fake Polyaxon server inside the extension host's process (seed `demo` unless told otherwise) and
 * points the extension at it (polyaxon.host/project/owner). stop() restores the settings and closes the server;
 * `server.requests` and `server.faults` let a test check and disturb the traffic.
 */
export async function startFakeServer(
  options: FakeOptions & { project?: string; owner?: string } = {},
): Promise<{ server: FakePolyaxon; stop: () => Promise<void> }> {
  const { project = 'my-project-alice', owner = 'default', ...serverOptions } = options;
  const server = await startFakePolyaxon({ seed: 'demo', ...serverOptions });
  const restore = await setSettings({ host: server.url, project, owner });
  return {
    server,
    stop: async () => {
      await restore();
      await server.close();
    },
  };
}
