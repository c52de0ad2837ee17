// The checks a launch makes before it asks anything: is Polyaxon reachable, and does the project exist.
import type { Connection } from '../connection/types';
import { isPolyaxonError } from '../polyaxon/errors';
import type { ProjectRef } from '../polyaxon/types';
import type { LaunchDeps } from './launchPorts';

/** Failures that mean "this host cannot be used as configured", as opposed to a problem with one request. */
const CONNECTION_KINDS = ['unreachable', 'timeout', 'tls', 'notPolyaxon'] as const;

/**
 * Resolves the connection once Polyaxon answers, or undefined when the user gave up (after Configure Connection
 * or a dismissed message). `quiet` (no questions): the error is thrown.
 */
export async function reachableConnection(deps: LaunchDeps, quiet: boolean): Promise<Connection | undefined> {
  for (;;) {
    const conn = await deps.connections.get();
    try {
      await deps.connections.installation();
      return conn;
    } catch (e) {
      if (quiet || !CONNECTION_KINDS.some((kind) => isPolyaxonError(e, kind))) throw e;
      const why = e instanceof Error ? e.message : String(e);
      deps.log.warn(`Launch: Polyaxon is not reachable: ${why}`);
      const actions = ['Configure Connection', 'Retry'] as const;
      const answer = await deps.ui.prompts.choose(`Nothing was launched: ${why}`, actions, { severity: 'error' });
      if (answer === 'Configure Connection') await deps.ui.configureConnection();
      if (answer !== 'Retry') return undefined;
    }
  }
}

/**
 * The project to launch in, known to exist: a missing one is offered to be created (or another selected).
 * `quiet`: a missing project is an error.
 */
export async function existingProject(deps: LaunchDeps, conn: Connection, name: string, quiet: boolean): Promise<ProjectRef | undefined> {
  let project = name;
  for (;;) {
    const ref = { owner: conn.owner, project };
    try {
      await conn.client.getProject(ref);
      return ref;
    } catch (e) {
      if (quiet || !(isPolyaxonError(e, 'projectNotFound') || isPolyaxonError(e, 'notFound'))) throw e;
    }
    const answer = await deps.ui.prompts.choose(
      `Project "${project}" does not exist on ${conn.host}. Create it, or select another project?`,
      ['Create Project', 'Select Project'] as const,
      { severity: 'warning' },
    );
    if (answer === 'Create Project') {
      await conn.client.createProject(conn.owner, { name: project });
      deps.log.info(`Created the project ${conn.owner}/${project} for a launch.`);
      deps.refresher.refreshNow();
      return ref;
    }
    if (answer !== 'Select Project') return undefined;
    const other = await deps.ui.pickProject();
    if (!other) return undefined;
    project = other;
  }
}
