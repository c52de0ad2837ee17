import type { ConnectionManager } from './connection/connectionManager';
import type { ServicesStatusBar } from './ui/statusBar';
import type { ServicesView } from './ui/servicesView';
import type { ServiceWebviews } from './ui/serviceWebview';
import type { ServiceLogs } from './ui/logsDocument';
import type { SwitchablePrompts } from './ui/prompts';
import type { PortForwardSession } from './ui/portForwardSession';
import type { PortForwardStatusBar } from './ui/portForwardStatusBar';
import type { RunInstance } from './devenv/runInstance';
import type { JupyterIntegration } from './ui/jupyterIntegration';

/**
 * What `activate()` returns in `ExtensionMode.Test` only, for the integration tests that drive the real extension.
 * In production `activate()` returns undefined: these objects carry the token and the confirmations.
 */
export interface PolyaxonTestApi {
  connections: ConnectionManager;
  services: ServicesView;
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
}
