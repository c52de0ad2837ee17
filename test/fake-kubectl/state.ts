/** What the stand-in kubectl serves, read from the JSON file in $FAKE_KUBECTL_STATE at each call (tests rewrite it). */
export interface FakeKubectlState {
  /** Where forwarded connections go: the local Polyaxon-compatible server. */
  target: { host: string; port: number };
  /** The cluster's namespaces and the services in each (every one listens on port 80). */
  namespaces: Record<string, string[]>;
  /** RBAC refuses the user everything, with the API server's message. */
  forbidden?: boolean;
  /** port-forward loses its pod after this long, as when the gateway pod restarts. */
  exitAfterSeconds?: number;
  /**
   * port-forward ignores SIGTERM (kubectl itself obeys it; a wrapper script, or a kubectl hung in a call, does not):
   * only SIGKILL ends it.
   */
  ignoreSigterm?: boolean;
  /** Each port-forward appends its pid here, so tests can check the process by pid. */
  pidFile?: string;
}

export const STATE_ENV = 'FAKE_KUBECTL_STATE';
