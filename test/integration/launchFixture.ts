// The set-up that the launch suites share: the running extension, against a fake Polyaxon that holds one empty project.
import type { PolyaxonTestApi } from '../../src/api';
import { windowPrompts } from '../../src/workbench/vscode/windowPrompts';
import type { FakeOptions, FakePolyaxon } from '../fake-polyaxon/server';
import { extension, setSettings, startFakeServer } from './helpers';

/** Runs move queued → starting → running (and stopping → stopped) in 200 ms steps: a launch settles in about a second. */
const FAST_OPERATOR = { queuedMs: 200, startingMs: 200, stoppingMs: 200 };

export interface LaunchFixture {
  api: PolyaxonTestApi;
  fake: FakePolyaxon;
  /** Gives the window's prompts back, restores the settings and closes the fake server. */
  stop: () => Promise<void>;
}

/**
 * Activates the extension and points it at a fresh fake Polyaxon (seed `empty`, v1 unless `polyaxonVersion` says v2)
 * with `project` created, and sets
 * `polyaxon.openOnLaunch` to `none` so that a launch opens no tab. Tests replace `api.prompts.current` with their
 * recording prompts; stop() puts the window's prompts back.
 */
export async function startLaunchFixture(
  project: string,
  { operator = FAST_OPERATOR, polyaxonVersion }: Pick<FakeOptions, 'operator' | 'polyaxonVersion'> = {},
): Promise<LaunchFixture> {
  const api = (await extension().activate()) as PolyaxonTestApi;
  const { server: fake, stop: stopFake } = await startFakeServer({ seed: 'empty', project, operator, polyaxonVersion });
  fake.addProject(project);
  const restoreSettings = await setSettings({ openOnLaunch: 'none' });
  return {
    api,
    fake,
    stop: async () => {
      api.prompts.current = windowPrompts;
      await restoreSettings();
      await stopFake();
    },
  };
}
