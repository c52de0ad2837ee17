import type { ConnectionManager } from './connection/vscode/connectionManager';
import type { ServicesStatusBar } from './servicesView/vscode/statusBar';
import type { ServicesView } from './servicesView/vscode/servicesView';
import type { ServicesModel } from './runs/servicesModel';
import type { ServiceWebviews } from './serviceTab/vscode/serviceWebview';
import type { ServiceLogs } from './operate/vscode/logsDocument';
import type { SwitchablePrompts } from './workbench/vscode/windowPrompts';
import type { PortForwardSession } from './portForward/vscode/portForwardSession';
import type { PortForwardStatusBar } from './portForward/vscode/portForwardStatusBar';
import type { RunInstance } from './inCluster/runInstance';
import type { JupyterIntegration } from './notebooks/vscode/jupyterIntegration';
import type { ShownStep } from './workbench/shownStep';

/**
 * What `activate()` returns in `ExtensionMode.Test` only, for the integration tests that drive the real extension.
 * In production `activate()` returns undefined: these objects carry the token and the confirmations.
 */
export interface PolyaxonTestApi {
  connections: ConnectionManager;
  /** The tree. */
  services: ServicesView;
  /** The services list every view reads: snapshot, state, refresh, filter. */
  model: ServicesModel;
  statusBar: ServicesStatusBar;
  webviews: ServiceWebviews;
  logs: ServiceLogs;
  /** Confirmations go through here; tests answer them (VS Code refuses modal dialogs in its test host). */
  prompts: SwitchablePrompts;
  /** The Polyaxon service this VS Code runs in, if any. */
  inCluster: RunInstance | undefined;
  /** The optional Jupyter extension integration (its server collection). */
  jupyter: JupyterIntegration;
  /** The managed `kubectl port-forward` (Connect to Cluster…). */
  portForward: PortForwardSession;
  portForwardStatusBar: PortForwardStatusBar;
  /** The launch form's step on screen, if any: tests step through the form by gestures and wait for each step. */
  wizardStep(): ShownStep | undefined;
}
