/** Where this VS Code runs: inside a Polyaxon service (a Kubernetes pod) or on the user's machine. */

export interface RunInstance {
  owner: string;
  project: string;
  uuid: string;
}

/**
 * Reads `POLYAXON_RUN_INSTANCE` (`owner.project.runs.uuid`) the way Polyaxon's `get_run_info()` does:
 * owner, project and uuid are parts[0], parts[1] and the last part. Anything else is treated as unset.
 */
export function parseRunInstance(env: NodeJS.ProcessEnv): RunInstance | undefined {
  const parts = (env.POLYAXON_RUN_INSTANCE ?? '').trim().split('.');
  // get_run_info() (core/polyaxon/env_vars/getters/run.py) raises unless there are exactly 4 parts.
  if (parts.length !== 4 || parts.some((part) => part === '')) return undefined;
  return { owner: parts[0], project: parts[1], uuid: parts[parts.length - 1] };
}

/** True inside a Polyaxon-managed container (`core/polyaxon/polypod/common/env_vars.py` sets both variables). */
export function isInsideService(env: NodeJS.ProcessEnv): boolean {
  return parseRunInstance(env) !== undefined || env.POLYAXON_IS_MANAGED?.trim().toLowerCase() === 'true';
}
