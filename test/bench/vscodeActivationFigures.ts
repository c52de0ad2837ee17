// The activation time a real VS Code shows (Developer: Show Running Extensions in code-server), against an empty
// extension activated beside it. Measured by vscodeActivation.mjs in a browser; needs the .vsix that bundleFigures
// packaged, and code-server (installed by `npm test`). Without them the row is left out, and the bench says why.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { benchRow, type BenchRow } from './row';

const root = path.resolve(__dirname, '../../..');
const SAMPLES = 7;

interface Measured {
  codeServer?: string;
  ours?: number[];
  empty?: number[];
  skipped?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function vscodeActivationFigures(): Promise<BenchRow[]> {
  const script = path.join(root, 'test/bench/vscodeActivation.mjs');
  const vsix = path.join(root, 'polyaxon-dev-environments.vsix');
  const out = execFileSync(process.execPath, [script, '--vsix', vsix, '--samples', String(SAMPLES)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const measured = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
  if (measured.skipped || !measured.ours?.length || !measured.empty?.length) {
    console.log(`not measured: activation in a real VS Code (${measured.skipped ?? 'no samples'})`);
    return Promise.resolve([]);
  }
  return Promise.resolve([
    benchRow({
      figure: `activation as code-server ${measured.codeServer} shows it (Running Extensions), vs an empty extension; median of ${SAMPLES} windows`,
      value: median(measured.ours),
      unit: 'ms',
      baseline: median(measured.empty),
      goal: 'reported, no goal (noisy: the host starts every extension at once)',
      met: true,
    }),
  ]);
}
