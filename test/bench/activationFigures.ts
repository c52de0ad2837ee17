// Activation: require + activate() of the production bundle with the vscode stand-in, each sample a fresh Node
// process, against an empty extension and axios + yaml bundled alone; and the first request after activation.
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { startFakePolyaxon } from '../fake-polyaxon/server';
import { baselineBundles } from './baselineBundles';
import { FEATURE_COMMANDS, type FeatureName } from '../../src/features/vscode/featureCommands';
import type { CommandId } from '../../src/shared/commandIds';
import { benchRow, type BenchRow } from './row';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const SAMPLES = 21;

type Mode = 'activate' | 'first-request' | 'warm-request' | 'first-command' | 'preloaded-command';

/**
 * The command timed for each feature loaded on first use: one that ends without a person (the stand-in dismisses every
 * prompt). A feature not named here is timed with its first command.
 */
const BENCH_COMMANDS: Partial<Record<FeatureName, CommandId>> = {
  connection: 'polyaxon.testConnection',
  launch: 'polyaxon.launchVSCode',
  operate: 'polyaxon.pickService',
  inCluster: 'polyaxon.buildImage',
};

async function sample(bundle: string, mode: Mode, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'activationSample.js'), bundle, mode], {
    env: { ...process.env, ...env },
  });
  return (JSON.parse(stdout) as { ms: number }).ms;
}

const benchCommand = (name: FeatureName): string | undefined => BENCH_COMMANDS[name] ?? (FEATURE_COMMANDS[name] as readonly string[])[0];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the samples of every series in turn, so that a change in the machine's load hits all of them alike. */
async function interleaved(series: Record<string, () => Promise<number>>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(series).map((k) => [k, []]));
  for (let i = 0; i < SAMPLES; i++) {
    for (const [name, fn] of Object.entries(series)) times[name].push(await fn());
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

export async function activationFigures(): Promise<BenchRow[]> {
  const extension = path.join(root, 'dist/extension.js');
  const { empty, axiosYaml } = baselineBundles();
  const activation = await interleaved({
    extension: () => sample(extension, 'activate'),
    empty: () => sample(empty, 'activate'),
    axiosYaml: () => sample(axiosYaml, 'activate'),
  });

  const server = await startFakePolyaxon({ seed: 'demo', operator: false });
  let request: Record<string, number>;
  let commands: Record<string, number>;
  const features = (Object.keys(FEATURE_COMMANDS) as FeatureName[]).filter((name) => benchCommand(name));
  try {
    const env = { POLYAXON_HOST: server.url, BENCH_PROJECT: 'my-project-alice', HOME: path.join(root, 'out/bench-home') };
    request = await interleaved({
      first: () => sample(extension, 'first-request', env),
      warm: () => sample(extension, 'warm-request', env),
    });
    commands = await interleaved(
      Object.fromEntries(
        features.flatMap((name) => {
          const command = { ...env, BENCH_COMMAND: benchCommand(name) };
          const file = { BENCH_FEATURE_FILE: path.join(root, `dist/feature-${name}.js`) };
          return [
            [`${name}:lazy`, () => sample(extension, 'first-command', command)],
            [`${name}:preloaded`, () => sample(extension, 'preloaded-command', { ...command, ...file })],
          ];
        }),
      ),
    );
  } finally {
    await server.close();
  }

  const how = `median of ${SAMPLES} fresh processes`;
  return [
    benchRow({
      figure: `activation (require + activate), vs an empty extension; ${how}`,
      value: activation.extension,
      unit: 'ms',
      baseline: activation.empty,
      goal: '≤ 10× the empty extension',
      met: activation.extension <= 10 * activation.empty,
    }),
    benchRow({
      figure: 'activation, vs axios + yaml bundled alone',
      value: activation.extension,
      unit: 'ms',
      baseline: activation.axiosYaml,
      goal: '< 1× (both load on first use)',
      met: activation.extension < activation.axiosYaml,
    }),
    benchRow({
      figure: 'first request after activation (lazy axios), vs with axios already loaded',
      value: request.first,
      unit: 'ms',
      baseline: request.warm,
      goal: 'no slower: ≤ baseline + 5 ms',
      met: request.first <= request.warm + 5,
    }),
    ...features.map((name) =>
      benchRow({
        figure: `first ${benchCommand(name)} (loads dist/feature-${name}.js), vs with that file loaded at activation`,
        value: commands[`${name}:lazy`],
        unit: 'ms',
        baseline: commands[`${name}:preloaded`],
        goal: 'no slower: ≤ baseline + 20 ms',
        met: commands[`${name}:lazy`] <= commands[`${name}:preloaded`] + 20,
      }),
    ),
  ];
}
