// Test doubles for driving the dev-environment commands inside the real extension host.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import type { CommandDeps, TerminalLauncher } from '../../src/inCluster/vscode/devEnvDeps';
import type { Prompts } from '../../src/workbench/vscode/windowPrompts';
import { extension, setSettings } from '../integration/helpers';
export { bareRepo } from './gitStandIn';

export interface Shown {
  message: string;
  actions: readonly string[];
  severity?: 'info' | 'warning' | 'error';
}

/** Records every message and answers with `answer` when it is among the offered actions. */
export class RecordingPrompts implements Prompts {
  readonly shown: Shown[] = [];
  constructor(private readonly answer?: string) {}
  confirm(message: string, { action }: { action: string }): Promise<boolean> {
    this.shown.push({ message, actions: [action] });
    return Promise.resolve(action === this.answer);
  }
  choose<T extends string>(
    message: string,
    actions: readonly T[],
    options?: { severity?: 'info' | 'warning' | 'error' },
  ): Promise<T | undefined> {
    this.shown.push({ message, actions, severity: options?.severity });
    return Promise.resolve(actions.find((a) => a === this.answer));
  }
}

/** Routes the running extension's prompts to `prompts` until the returned function is called. */
export async function useExtensionPrompts(prompts: Prompts): Promise<() => void> {
  const api = (await extension().activate()) as PolyaxonTestApi;
  const previous = api.prompts.current;
  api.prompts.current = prompts;
  return () => {
    api.prompts.current = previous;
  };
}

/** Runs `command` in the running extension with its prompts recorded (none answered); returns its result and what it showed. */
export async function executeWithRecordedPrompts(command: string, ...args: unknown[]): Promise<{ result: unknown; shown: Shown[] }> {
  const prompts = new RecordingPrompts();
  const restore = await useExtensionPrompts(prompts);
  try {
    return { result: await vscode.commands.executeCommand(command, ...args), shown: prompts.shown };
  } finally {
    restore();
  }
}

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
  setKeysForSync(): void {}
}

/** A terminal that records the command line and runs it in a shell with `env` added. */
export class RecordingTerminals implements TerminalLauncher {
  readonly runs: { command: string; name: string; cwd?: string; env?: Record<string, string> }[] = [];
  constructor(private readonly execute: false | Record<string, string> = false) {}
  run(command: string, options: { name: string; cwd?: string; env?: Record<string, string> }): void {
    this.runs.push({ command, ...options });
    if (this.execute) {
      execFileSync('/bin/sh', ['-c', command], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, ...this.execute },
        stdio: 'pipe',
      });
    }
  }
}

let log: vscode.LogOutputChannel | undefined;

export function commandDeps(overrides: Partial<CommandDeps> & { prompts: Prompts }): CommandDeps & { images: [string, string][] } {
  const images: [string, string][] = [];
  log ??= vscode.window.createOutputChannel('Polyaxon dev env tests', { log: true });
  return {
    context: { globalState: new MemoryMemento(), workspaceState: new MemoryMemento(), extensionUri: extension().extensionUri },
    log,
    env: process.env,
    terminals: new RecordingTerminals(),
    rememberImage: async (kind, image) => void images.push([kind, image]),
    images,
    ...overrides,
  };
}

export function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * A new temporary folder `dir` whose `polyaxon-v1-data/workspaces` is polyaxon.workspaceRoot until remove(), which
 * restores the setting and deletes the folder. `root` does not exist yet: the commands create what they need in it.
 */
export async function useTempWorkspaceRoot(prefix: string): Promise<{ dir: string; root: string; remove: () => Promise<void> }> {
  const dir = await tempDir(prefix);
  const root = path.join(dir, 'polyaxon-v1-data', 'workspaces');
  const restoreSettings = await setSettings({ workspaceRoot: root });
  return {
    dir,
    root,
    remove: async () => {
      await restoreSettings();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Adds `env` to the shells of terminals and tasks (terminal.integrated.env.linux) until the returned function runs. */
export async function useTerminalEnv(env: Record<string, string>): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('terminal.integrated.env');
  const previous = config.inspect('linux')?.globalValue;
  await config.update('linux', env, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('terminal.integrated.env').update('linux', previous, vscode.ConfigurationTarget.Global);
  };
}
