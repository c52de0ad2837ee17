// What the core (dist/extension.js) gives a feature when it loads it: the services that activation built.
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/vscode/connectionManager';
import type { RunInstance } from '../../inCluster/runInstance';
import type { ServiceLogs } from '../../operate/vscode/logsDocument';
import type { Run, RunRef } from '../../polyaxon/types';
import type { PortForwardSession } from '../../portForward/vscode/portForwardSession';
import type { RunStore } from '../../runs/runStore';
import type { ServiceWebviews } from '../../serviceTab/vscode/serviceWebview';
import type { ServicesModel } from '../../runs/servicesModel';
import type { SwitchablePrompts } from '../../workbench/vscode/windowPrompts';
import type { FeatureName } from './featureCommands';

export interface Core {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  prompts: SwitchablePrompts;
  connections: ConnectionManager;
  runs: RunStore;
  model: ServicesModel;
  webviews: ServiceWebviews;
  logs: ServiceLogs;
  portForward: PortForwardSession;
  inCluster: RunInstance | undefined;
  /** Another feature, loaded now if it is not yet. */
  feature(name: FeatureName): LoadedFeature;
}

/** What a feature's activate() leaves: its commands (disposed with the extension), and what it offers other features. */
export interface LoadedFeature {
  disposables: vscode.Disposable[];
  /** The launch feature's: stops a service and launches its copy (the service commands' Restart). */
  restart?(ref: RunRef): Promise<Run | undefined>;
}

/** The export of each dist/feature-<name>.js. */
export interface FeatureModule {
  activate(core: Core): LoadedFeature;
}
