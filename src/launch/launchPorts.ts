// What the launch manager needs from the outside world. The command layer implements these with VS Code;
// unit tests implement them with plain functions, against the fake Polyaxon server.
import type { Connection } from '../connection/types';
import type { Prompts } from '../shared/prompts';
import type { LaunchInput } from '../polyaxonfile';
import type { LaunchKind } from '../polyaxonfile/choice';
import type { Resources, Size } from '../polyaxonfile/resources';
import type { Installation, Run, RunRef } from '../polyaxon/types';
import type { ServiceKind } from '../polyaxon/serviceKind';
import type { ActiveServices } from '../runs/activeServices';
import type { LaunchOutcome, StatusChange } from './launchFollower';
import type { Timers } from '../runs/pollTiming';
import type { RunWatcher } from '../runs/runStore';
import type { ExistingChoice } from './existingService';

export type OpenOnLaunch = 'webview' | 'browser' | 'ask' | 'none';

/**
 * Arguments for keybindings, other extensions and tests. With `params` the launch asks nothing: the project is
 * `project` or `polyaxon.project`, and problems are thrown instead of shown.
 */
export interface LaunchArgs {
  project?: string;
  params?: Record<string, string>;
  polyaxonfile?: string;
  name?: string;
  open?: OpenOnLaunch;
  /** When a service of the same kind is already up: ask (default with the form), open it, or launch another (default with `params`). */
  reuse?: 'ask' | 'open' | 'launch';
  /** CPUs, memory (and GPUs) as Kubernetes quantities; missing ones are the polyaxonfile's. The form starts from them. */
  resources?: Size;
}

/** What to launch: a kind (its polyaxonfile is looked up) or a given file. */
export interface LaunchTarget {
  kind?: LaunchKind;
  file?: string;
}

export interface LaunchFiles {
  /** The polyaxonfile for a kind (argument, setting, workspace, bundled) and how to show it. */
  choose(kind: LaunchKind, explicit: string | undefined, ask: boolean): Promise<{ path: string; label: string } | undefined>;
  /** For Launch Service from Polyaxonfile without a file: the user picks one, or undefined. */
  pick(): Promise<string | undefined>;
  read(file: string): Promise<string>;
  /** How a file is shown (workspace-relative). */
  label(file: string): string;
}

/** The questions of the launch form; the existing-service question, when there is one, is its first step. */
export interface WizardRequest {
  title: string;
  project: string;
  fileLabel: string;
  inputs: readonly LaunchInput[];
  /** The default run name, shown in the name step. */
  name: string;
  kind: ServiceKind;
  existing?: { question: string; choices: readonly ExistingChoice[] };
  recentImages(project: string): readonly string[];
  /** For the Resources step: the polyaxonfile's resources, its name, the size last launched with, the size to start from. */
  resources: { file: Resources; fileName: string; recent?: Size; initial?: Size };
  checkParam(params: Readonly<Record<string, string>>, name: string): string | undefined;
}

export type WizardAnswer =
  { existing: 'open' } | { existing?: 'another' | 'replace'; params: Record<string, string>; name?: string; size?: Size };

export interface LaunchUi {
  prompts: Prompts;
  wizard(request: WizardRequest): Promise<WizardAnswer | undefined>;
  /** The project picker, for a launch with no project set. */
  pickProject(): Promise<string | undefined>;
  configureConnection(): Promise<void>;
  /** Follows a launch under a cancellable progress titled `title`: each status, and the time spent. */
  followProgress(
    title: string,
    follow: (report: (change: StatusChange) => void, signal: AbortSignal) => Promise<LaunchOutcome>,
  ): Promise<LaunchOutcome>;
  /** Opens a running service per `open` (or the polyaxon.openOnLaunch setting). */
  open(ref: RunRef, run: Run, open: OpenOnLaunch | undefined, label: string): Promise<void>;
  /** The outcome of a follow that did not end `running`, or the open of one that did. */
  outcome(ended: EndedLaunch, open: OpenOnLaunch | undefined): Promise<void>;
  /** A service tab is open on `ref`. */
  isOpenInTab(ref: RunRef): boolean;
  /** Shows the run in its open tab right away (restart: the tab follows the copy). */
  retargetTab(from: RunRef, to: RunRef, run: Run): Promise<void>;
  info(message: string): void;
}

/** The launched service, named `runName` in messages, ended its launch with `outcome`. */
export interface EndedLaunch {
  conn: Connection;
  ref: RunRef;
  run: Run;
  runName: string;
  label: string;
  outcome: LaunchOutcome;
  /** The polyaxonfile it was launched from (none for a restart): Open Polyaxonfile on a compile error. */
  file?: string;
}

export interface LaunchLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LaunchDeps {
  connections: { get(): Promise<Connection>; installation(signal?: AbortSignal): Promise<Installation> };
  files: LaunchFiles;
  ui: LaunchUi;
  images: {
    recent(project: string, kind: ServiceKind): readonly string[];
    remember(project: string, kind: ServiceKind, image: string): Promise<void>;
  };
  /** The size last launched with, per project and kind. */
  sizes: {
    recent(project: string, kind: ServiceKind): Size | undefined;
    remember(project: string, kind: ServiceKind, size: Size): Promise<void>;
  };
  refresher: { refreshNow(): void };
  log: LaunchLog;
  /** The user name in default run names (`vscode-<user>-<n>`). */
  userName(): string | undefined;
  /** The run store: the launch follows its run there, as every view does. */
  runs: RunWatcher;
  /** "Is one already up?": the services model's list when fresh, else one request. */
  activeServices: ActiveServices;
  /** Overrides of the launch follower's timers and deadlines (tests). */
  follow?: { timers?: Timers; timeoutMs?: number; warningGraceMs?: number };
}
