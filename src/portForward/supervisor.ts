import type { Timers } from '../runs/pollTiming';
import { NOTICE_AFTER_FAILURES, STABLE_AFTER_MS, restartDelay } from './backoff';
import { ForwardError, classifyKubectlFailure, kubectlNotFound } from './forwardError';
import { portForwardArgs, type Kubectl } from './kubectl';
import { forwardingPort, isConnectionChatter } from './kubectlOutput';
import { eachLine, killAndWait, spawnKubectl, type ChildLike, type Spawner } from './childProcess';
import { acceptsConnections } from './tcpPorts';
import { WakeDetector } from './wakeDetector';

// Keeps one `kubectl port-forward` alive: restarts it with backoff when it exits or its port stops answering,
// checks it at once after a sleep, and ends it for good on stop()/dispose(). No VS Code API: the UI listens.

export interface ForwardTarget {
  context: string;
  namespace: string;
  service: string;
  servicePort: number;
  localPort: number;
}

export type ForwardState =
  | { kind: 'off' }
  | { kind: 'starting'; target: ForwardTarget }
  | { kind: 'up'; target: ForwardTarget; pid: number | undefined }
  /** A restart is pending (`retryInMs` from when the state was entered) or running. */
  | { kind: 'reconnecting'; target: ForwardTarget; failures: number; retryInMs: number; error: ForwardError }
  /** It keeps failing: the user is told why. `retryInMs` is absent when no retry is scheduled. */
  | { kind: 'failed'; target: ForwardTarget; failures: number; retryInMs?: number; error: ForwardError };

export interface ForwardLog {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface SupervisorDeps {
  /** Read at each attempt, so a changed polyaxon.kubectlPath applies to the next restart. */
  kubectl(): Kubectl;
  log: ForwardLog;
  spawn?: Spawner;
  timers?: Timers;
  probe?: (port: number) => Promise<boolean>;
}

/** kubectl normally prints its Forwarding line within a second; an auth plugin may take a while to fetch a token. */
const START_TIMEOUT_MS = 30_000;
const STDERR_KEPT = 20;

const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
};

export class PortForwardSupervisor {
  private current: ForwardState = { kind: 'off' };
  private readonly listeners = new Set<(state: ForwardState) => void>();
  private readonly timers: Timers;
  private readonly spawn: Spawner;
  private readonly probe: (port: number) => Promise<boolean>;
  private readonly wake: WakeDetector;
  private target: ForwardTarget | undefined;
  private child: ChildLike | undefined;
  /** Bumped whenever a process is ended on purpose, so its exit is not taken for a failure. */
  private generation = 0;
  private failures = 0;
  private retryTimer: unknown;
  private probing = false;
  /** Why we killed the live process ourselves (its port stopped answering). */
  private killReason: ForwardError | undefined;

  constructor(private readonly deps: SupervisorDeps) {
    this.timers = deps.timers ?? systemTimers;
    this.spawn = deps.spawn ?? spawnKubectl;
    this.probe = deps.probe ?? ((port) => acceptsConnections(port));
    this.wake = new WakeDetector(
      this.timers,
      () => void this.check(),
      (gap) => this.onWake(gap),
    );
  }

  get state(): ForwardState {
    return this.current;
  }

  onDidChange(listener: (state: ForwardState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Starts forwarding to `target` (ending any earlier forward) and resolves once kubectl forwards. When the first
   * attempt fails it rejects with the reason; with `retryFirst` (start-up, where the network may not be ready yet)
   * it keeps trying in the background as after any later failure.
   */
  async start(target: ForwardTarget, { retryFirst = false } = {}): Promise<void> {
    await this.endProcess();
    this.target = target;
    this.failures = 0;
    this.setState({ kind: 'starting', target });
    this.wake.start();
    return this.launch(retryFirst);
  }

  /** Restarts now, forgetting the failure streak (the Reconnect action). */
  async reconnect(): Promise<void> {
    const target = this.target ?? ('target' in this.current ? this.current.target : undefined);
    if (!target) throw new Error('There is no port-forward to reconnect: run Polyaxon: Connect to Cluster… first.');
    return this.start(target, { retryFirst: true });
  }

  /** Ends the forward and waits until kubectl has exited. */
  async stop(): Promise<void> {
    this.target = undefined;
    this.wake.stop();
    await this.endProcess();
    this.setState({ kind: 'off' });
  }

  /** Synchronous end for dispose(): kubectl gets SIGTERM, then SIGKILL if it is still alive after the grace time. */
  dispose(): void {
    this.target = undefined;
    this.wake.stop();
    this.cancelRetry();
    this.generation++;
    const child = this.child;
    this.child = undefined;
    if (child) this.end(child);
    this.listeners.clear();
  }

  /** SIGTERM, then SIGKILL after the grace time: a kubectl that ignores SIGTERM is not left behind. */
  private end(child: ChildLike): void {
    void killAndWait(child, this.timers);
  }

  private setState(state: ForwardState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async endProcess(): Promise<void> {
    this.cancelRetry();
    this.generation++;
    const child = this.child;
    this.child = undefined;
    if (child) await killAndWait(child, this.timers);
  }

  private launch(retryFirst: boolean): Promise<void> {
    const target = this.target;
    if (!target) return Promise.resolve();
    const generation = ++this.generation;
    const kubectl = this.deps.kubectl();
    const args = portForwardArgs(target);
    this.deps.log.info(`$ ${kubectl.command} ${args.join(' ')}`);
    const firstAttempt = this.current.kind === 'starting';

    return new Promise<void>((resolve, reject) => {
      let child: ChildLike;
      const stderr: string[] = [];
      let upAt: number | undefined;
      let settled = false;
      let startTimer: unknown;

      const finish = (error: ForwardError) => {
        if (settled) return;
        settled = true;
        if (startTimer !== undefined) this.timers.clearTimeout(startTimer);
        if (this.child === child) this.child = undefined;
        if (generation !== this.generation) {
          if (upAt === undefined) reject(new ForwardError('unknown', 'The port-forward was stopped before it was up.'));
          return;
        }
        const upFor = upAt === undefined ? 0 : this.timers.now() - upAt;
        this.deps.log.warn(`port-forward ${upAt === undefined ? 'failed' : `ended after ${Math.round(upFor / 1000)} s`}: ${error.message}`);
        if (upAt === undefined && firstAttempt && !retryFirst) {
          this.target = undefined;
          this.wake.stop();
          this.setState({ kind: 'failed', target, failures: 1, error });
        } else {
          this.scheduleRestart(target, error, upFor);
        }
        if (upAt === undefined) reject(error);
      };

      try {
        child = this.spawn(kubectl.command, args, kubectl.env);
      } catch {
        child = undefined as unknown as ChildLike;
        finish(kubectlNotFound(kubectl.command));
        return;
      }
      this.child = child;
      this.killReason = undefined;
      startTimer = this.timers.setTimeout(() => {
        startTimer = undefined;
        if (upAt !== undefined || settled) return;
        this.killReason = new ForwardError('timeout', `kubectl did not start forwarding within ${START_TIMEOUT_MS / 1000} s.`);
        this.end(child);
      }, START_TIMEOUT_MS);

      eachLine(child.stdout, (line) => {
        if (isConnectionChatter(line)) return this.deps.log.trace(line);
        this.deps.log.info(line);
        const port = forwardingPort(line);
        if (upAt === undefined && port !== undefined && port !== target.localPort && generation === this.generation) {
          // Not the port asked for: the host and the checks would talk to whatever listens on ours.
          this.killReason = new ForwardError(
            'unknown',
            `kubectl reported forwarding from port ${port}, not from port ${target.localPort} as asked; the forward was ended.`,
            line,
          );
          this.end(child);
          return;
        }
        if (upAt === undefined && port !== undefined && generation === this.generation) {
          upAt = this.timers.now();
          if (startTimer !== undefined) this.timers.clearTimeout(startTimer);
          startTimer = undefined;
          this.setState({ kind: 'up', target, pid: child.pid });
          resolve();
        }
      });
      eachLine(child.stderr, (line) => {
        this.deps.log.warn(line);
        stderr.push(line);
        if (stderr.length > STDERR_KEPT) stderr.shift();
      });
      child.once('error', (e) =>
        finish(
          e.code === 'ENOENT' || e.code === 'EACCES'
            ? kubectlNotFound(kubectl.command)
            : new ForwardError('unknown', `kubectl could not be started: ${e.message}`),
        ),
      );
      child.once('exit', (code, signal) => {
        // stderr may still hold lines when 'exit' fires; they arrive within the same turn of the loop.
        setImmediate(() => {
          const reason =
            this.killReason ??
            (stderr.length
              ? classifyKubectlFailure(stderr.join('\n'), { ...target })
              : new ForwardError('lostConnection', `kubectl port-forward exited (${signal ?? `code ${code}`}) without a message.`));
          this.killReason = undefined;
          finish(reason);
        });
      });
    });
  }

  private scheduleRestart(target: ForwardTarget, error: ForwardError, upFor: number): void {
    if (upFor >= STABLE_AFTER_MS) this.failures = 0;
    this.failures++;
    const retryInMs = restartDelay(this.failures);
    const kind = this.failures >= NOTICE_AFTER_FAILURES ? 'failed' : 'reconnecting';
    this.deps.log.info(`restarting the port-forward in ${retryInMs / 1000} s (failure ${this.failures} in a row)`);
    this.setState({ kind, target, failures: this.failures, retryInMs, error });
    this.cancelRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      this.launch(true).catch(() => undefined); // a failed attempt schedules the next one itself
    }, retryInMs);
  }

  /** The periodic health check: a forward whose port no longer accepts connections is restarted. */
  private async check(): Promise<void> {
    const state = this.current;
    if (state.kind !== 'up' || this.probing) return;
    const child = this.child;
    this.probing = true;
    try {
      const ok = await this.probe(state.target.localPort);
      if (ok || this.child !== child || !child) return;
      this.killReason = new ForwardError('lostConnection', `The forwarded port ${state.target.localPort} stopped accepting connections.`);
      this.end(child);
    } finally {
      this.probing = false;
    }
  }

  private onWake(gapMs: number): void {
    this.deps.log.info(`Timers were ${Math.round(gapMs / 1000)} s late (the machine slept?): checking the port-forward now.`);
    if (this.current.kind === 'up') {
      void this.check();
    } else if (this.retryTimer !== undefined && this.target) {
      this.cancelRetry();
      this.failures = 0;
      this.launch(true).catch(() => undefined);
    }
  }
}
