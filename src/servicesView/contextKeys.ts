// Every context key the extension sets, with its default: the one place `setContext` is called. The `when`
// clauses of package.json read them; a unit test checks that each key is read and each key read is declared.
import type { EffectiveHostSource } from '../connection/forwardedHost';
import type { FailureKind, ServicesState } from '../runs/servicesState';

export interface ContextKeys {
  /** The view has a state to show: no welcome text flashes before it. */
  'polyaxon.loaded': boolean;
  /** What the Services view shows when it has no rows; drives the `viewsWelcome` entries in package.json. */
  'polyaxon.state': ServicesState;
  /** Why the server could not be reached: the `unreachable` welcome says it in words. */
  'polyaxon.failure': FailureKind;
  /** Where a host that is not a URL comes from: the `invalidHost` welcome names it. */
  'polyaxon.hostSource': EffectiveHostSource;
  /** This VS Code runs inside a Polyaxon service. */
  'polyaxon.inCluster': boolean;
  /** The Jupyter extension is installed: shows "Use as Notebook Kernel…". */
  'polyaxon.jupyterAvailable': boolean;
  /** The walkthrough's ticks: the server answered, a project is set, one of the listed services is running. */
  'polyaxon.connected': boolean;
  'polyaxon.projectChosen': boolean;
  'polyaxon.serviceRunning': boolean;
  /** Ticks the walkthrough's build step: an image was built and pushed (not a cancelled picker). */
  'polyaxon.imageBuilt': boolean;
  /** Ticks the walkthrough's notebook step: a notebook was opened for a running Jupyter service, with the Jupyter extension there. */
  'polyaxon.notebookKernelUsed': boolean;
}

export const CONTEXT_KEY_DEFAULTS: Readonly<ContextKeys> = {
  'polyaxon.loaded': false,
  'polyaxon.state': 'loading',
  'polyaxon.failure': 'other',
  'polyaxon.hostSource': 'setting',
  'polyaxon.inCluster': false,
  'polyaxon.jupyterAvailable': false,
  'polyaxon.connected': false,
  'polyaxon.projectChosen': false,
  'polyaxon.serviceRunning': false,
  'polyaxon.imageBuilt': false,
  'polyaxon.notebookKernelUsed': false,
};

export type ContextSetter = (key: string, value: unknown) => Thenable<unknown>;

let setter: ContextSetter | undefined;
const current: ContextKeys = { ...CONTEXT_KEY_DEFAULTS };
const listeners = new Set<(key: keyof ContextKeys, value: unknown) => void>();

/** Hears each key whose value changes from now on (the walkthrough ticks its steps from them); returns the unsubscribe. */
export function onDidChangeContextKey(listener: (key: keyof ContextKeys, value: unknown) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** At activation: every key gets its default (or the value already known), so no `when` clause reads a stale one. */
export async function initContextKeys(set: ContextSetter, known: Partial<ContextKeys> = {}): Promise<void> {
  setter = set;
  Object.assign(current, CONTEXT_KEY_DEFAULTS, known);
  await Promise.all(Object.entries(current).map(([key, value]) => set(key, value)));
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  if (current[key] === value || !setter) {
    current[key] = value;
    return Promise.resolve();
  }
  current[key] = value;
  const sent = setter(key, value);
  for (const listener of listeners) listener(key, value);
  return sent;
}
