// Drives the LaunchManager without VS Code: real client, real fake Polyaxon, ports that record and answer.
import * as fs from 'fs';
import * as path from 'path';
import type { Connection } from '../../../src/connection/types';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import type { Run, RunRef } from '../../../src/polyaxon/types';
import type { Size } from '../../../src/polyaxonfile/resources';
import { ACTIVE_SERVICES_QUERY } from '../../../src/polyaxon/statuses';
import { LaunchManager } from '../../../src/launch/launchManager';
import { DEFAULT_TIMING } from '../../../src/runs/pollTiming';
import { RunStore } from '../../../src/runs/runStore';
import type { EndedLaunch, LaunchDeps, WizardAnswer, WizardRequest } from '../../../src/launch/launchPorts';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';

export const BUNDLED_VSCODE = path.resolve(__dirname, '../../../../polyaxonfiles/vscode-service.yml');

export interface Recorded {
  said: string[];
  confirmed: string[];
  wizards: WizardRequest[];
  opened: { ref: RunRef; run: Run }[];
  outcomes: EndedLaunch[];
  retargeted: { from: RunRef; to: RunRef }[];
  configured: number;
  /** The size remembered per `kind:project`. */
  sizes: Map<string, Size>;
}

export interface Answers {
  /** Answers prompts.choose by the message; undefined dismisses. */
  choose?(message: string, actions: readonly string[]): string | undefined | Promise<string | undefined>;
  confirm?(message: string): boolean;
  wizard?(request: WizardRequest): WizardAnswer | undefined;
  pickProject?(): string | undefined;
  openTabs?: RunRef[];
}

/** A fake Polyaxon that holds only an empty `project`, and moves runs on every 30 ms (a launch settles in about 100 ms). */
export async function startFakeWithProject(project: string): Promise<FakePolyaxon> {
  const fake = await startFakePolyaxon({ seed: 'empty', operator: { queuedMs: 30, startingMs: 30, stoppingMs: 30 } });
  fake.addProject(project);
  return fake;
}

export function harness(
  fake: FakePolyaxon,
  project: string | undefined,
  answers: Answers = {},
): { manager: LaunchManager; rec: Recorded; deps: LaunchDeps } {
  const rec: Recorded = { said: [], confirmed: [], wizards: [], opened: [], outcomes: [], retargeted: [], configured: 0, sizes: new Map() };
  const client = new PolyaxonClient({ host: fake.url, timeoutMs: 2_000 });
  const conn: Connection = { client, host: client.host, hostSource: 'setting' as Connection['hostSource'], owner: 'default', project };
  const deps: LaunchDeps = {
    connections: { get: () => Promise.resolve(conn), installation: (signal) => client.getInstallation(signal) },
    files: {
      choose: () => Promise.resolve({ path: BUNDLED_VSCODE, label: 'vscode-service.yml (bundled)' }),
      pick: () => Promise.resolve(undefined),
      read: (file) => fs.promises.readFile(file, 'utf8'),
      label: (file) => path.basename(file),
    },
    ui: {
      prompts: {
        confirm: (message) => {
          rec.confirmed.push(message);
          return Promise.resolve(answers.confirm?.(message) ?? false);
        },
        choose: <T extends string>(message: string, actions: readonly T[]) => {
          rec.said.push(message);
          return Promise.resolve(answers.choose?.(message, actions)) as Promise<T | undefined>;
        },
      },
      wizard: (request) => {
        rec.wizards.push(request);
        return Promise.resolve(answers.wizard?.(request));
      },
      pickProject: () => Promise.resolve(answers.pickProject?.()),
      configureConnection: () => {
        rec.configured++;
        return Promise.resolve();
      },
      followProgress: (_title, follow) => follow(() => undefined, new AbortController().signal),
      open: (ref, run) => {
        rec.opened.push({ ref, run });
        return Promise.resolve();
      },
      outcome: (ended) => {
        rec.outcomes.push(ended);
        return Promise.resolve();
      },
      isOpenInTab: (ref) => (answers.openTabs ?? []).some((t) => t.uuid === ref.uuid),
      retargetTab: (from, to) => {
        rec.retargeted.push({ from, to });
        return Promise.resolve();
      },
      info: (message) => void rec.said.push(message),
    },
    images: { recent: () => [], remember: () => Promise.resolve() },
    sizes: {
      recent: (p, kind) => rec.sizes.get(`${kind}:${p}`),
      remember: (p, kind, size) => {
        rec.sizes.set(`${kind}:${p}`, size);
        return Promise.resolve();
      },
    },
    refresher: { refreshNow: () => undefined },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    userName: () => 'alice',
    // The follower hears of the run from a store polling every 20 ms, as the extension's does every 2 s.
    runs: new RunStore(() => Promise.resolve(client), { ...DEFAULT_TIMING, fastMs: 20, slowMs: 20 }),
    activeServices: {
      active: async (ref, signal) =>
        (await client.listRuns(ref, { query: ACTIVE_SERVICES_QUERY, sort: '-created_at', limit: 50 }, signal)).results,
    },
  };
  return { manager: new LaunchManager(deps), rec, deps };
}

/** POSTs that create a run in `project` (not restart, not stop). */
export function createPosts(fake: FakePolyaxon, project: string): number {
  return fake.requests.filter((r) => r.method === 'POST' && new RegExp(`^/api/v1/default/${project}/runs/?$`).test(r.path)).length;
}

export function restartPosts(fake: FakePolyaxon): number {
  return fake.requests.filter((r) => r.method === 'POST' && /\/restart$/.test(r.path)).length;
}
