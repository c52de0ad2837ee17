// kubectl fails in a handful of ways a user can act on; each gets a sentence that says what to do. The texts
// matched here are kubectl 1.32's own (checked against the real binary where it can fail offline).

export type ForwardErrorKind =
  | 'kubectlNotFound'
  | 'noContext'
  | 'noNamespace'
  | 'forbidden'
  | 'noService'
  | 'portInUse'
  | 'authPlugin'
  | 'clusterUnreachable'
  | 'lostConnection'
  | 'timeout'
  | 'unknown';

export class ForwardError extends Error {
  constructor(
    readonly kind: ForwardErrorKind,
    message: string,
    /** kubectl's own line that tells it, when there is one. */
    readonly kubectlLine?: string,
  ) {
    super(message);
    this.name = 'ForwardError';
  }
}

export interface FailureScope {
  context: string;
  namespace?: string;
  service?: string;
  localPort?: number;
}

export const INSTALL_KUBECTL_HINT =
  "Install it (https://kubernetes.io/docs/tasks/tools/, or 'gcloud components install kubectl'), or set polyaxon.kubectlPath to its full path.";

export function kubectlNotFound(command: string): ForwardError {
  const where = command.includes('/') || command.includes('\\') ? `at ${command} (polyaxon.kubectlPath)` : 'on the PATH';
  return new ForwardError('kubectlNotFound', `kubectl was not found ${where}. ${INSTALL_KUBECTL_HINT}`);
}

export function portInUse(port: number, line?: string): ForwardError {
  return new ForwardError(
    'portInUse',
    `Local port ${port} is taken by another process. Stop that process, or run Polyaxon: Connect to Cluster… and choose another port.`,
    line,
  );
}

export function noGatewayService(scope: FailureScope, found: readonly string[]): ForwardError {
  const seen = found.length ? `Services found: ${found.join(', ')}.` : 'The namespace has no services.';
  return new ForwardError(
    'noService',
    `No Polyaxon gateway (a service named …-polyaxon-gateway) in namespace "${scope.namespace}" of context "${scope.context}". ${seen} Is Polyaxon installed in another namespace?`,
  );
}

/** The line of kubectl's stderr that explains a failure: an `error:` line or a server error, else the last line. */
function explainingLine(stderr: string): string | undefined {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => /^Error from server/.test(l)) ??
    lines.find(
      (l) => /^(error|Unable to connect|Unable to listen)/i.test(l) && !/unable to listen on any of the requested ports/.test(l),
    ) ??
    lines.at(-1)
  );
}

/** Turns a failed kubectl call (its stderr) into an error whose message says why, in words. */
export function classifyKubectlFailure(stderr: string, scope: FailureScope): ForwardError {
  const line = explainingLine(stderr) ?? 'kubectl exited without a message';
  const all = stderr;
  if (/context "[^"]*" does not exist|context was not found for specified context/.test(all)) {
    return new ForwardError(
      'noContext',
      `The kube context "${scope.context}" does not exist in your kubeconfig ($KUBECONFIG or ~/.kube/config). kubectl said: ${line}`,
      line,
    );
  }
  if (/\(Forbidden\)|is forbidden:/.test(all)) {
    const forbidden =
      all
        .split(/\r?\n/)
        .map((l) => l.trim())
        .find((l) => /forbidden/i.test(l)) ?? line;
    return new ForwardError(
      'forbidden',
      `Kubernetes refused this for your user (RBAC) in namespace "${scope.namespace}". Ask a cluster admin for access. kubectl said: ${forbidden}`,
      forbidden,
    );
  }
  if (/namespaces "[^"]*" not found/.test(all)) {
    return new ForwardError(
      'noNamespace',
      `The namespace "${scope.namespace}" does not exist in context "${scope.context}". kubectl said: ${line}`,
      line,
    );
  }
  if (/services "[^"]*" not found/.test(all)) {
    return new ForwardError(
      'noService',
      `The service "${scope.service}" does not exist in namespace "${scope.namespace}" of context "${scope.context}". Run Polyaxon: Connect to Cluster… to choose the gateway again. kubectl said: ${line}`,
      line,
    );
  }
  if (/address already in use|unable to listen on any of the requested ports/i.test(all)) {
    return portInUse(scope.localPort ?? 0, line);
  }
  if (/getting credentials|exec plugin|auth-plugin|executable [\w-]+ not found/i.test(all)) {
    return new ForwardError(
      'authPlugin',
      `kubectl could not get credentials for context "${scope.context}". For GKE, install the plugin with 'gcloud components install gke-gcloud-auth-plugin' and sign in with 'gcloud auth login'. kubectl said: ${line}`,
      line,
    );
  }
  if (/lost connection to pod|error occurred forwarding|error forwarding port/i.test(all)) {
    return new ForwardError(
      'lostConnection',
      `kubectl lost the connection to the gateway pod (it may have restarted). kubectl said: ${line}`,
      line,
    );
  }
  if (
    /Unable to connect to the server|connection to the server .* was refused|no such host|i\/o timeout|TLS handshake timeout/i.test(all)
  ) {
    return new ForwardError(
      'clusterUnreachable',
      `The cluster of context "${scope.context}" is not reachable. Check the network or VPN. kubectl said: ${line}`,
      line,
    );
  }
  return new ForwardError('unknown', `kubectl failed: ${line}`, line);
}
