// The activation time a real VS Code shows (Developer: Show Running Extensions in code-server), against an empty
// extension activated beside it. Measured by vscodeActivation.mjs in a browser; needs the .vsix that bundleFigures
// packaged, and code-server (installed by `npm test`). Without them, or when no window could be read, the row says
// "not measured" and why.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { benchRow, notMeasuredRow, type BenchRow } from './row';

const root = path.resolve(__dirname, '../../..');
const SAMPLES = 7;
const FIGURE = 'activation as code-server shows it (Running Extensions), vs an empty extension';
const GOAL = 'reported, no goal (noisy: the host starts every extension at once)';

export interface Measured {
  codeServer?: string;
  ours?: number[];
  empty?: number[];
  failures?: string[];
  skipped?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The row for what vscodeActivation.mjs printed: measured from the windows it could read, or why not at all. */
export function vscodeActivationRow(measured: Measured): BenchRow {
  const { ours = [], empty = [], failures = [] } = measured;
  if (measured.skipped) return notMeasuredRow(FIGURE, GOAL, measured.skipped);
  if (!ours.length || !empty.length) return notMeasuredRow(FIGURE, GOAL, failures.join('; ') || 'no window measured');
  const lost = failures.length ? ` (${failures.length} unread: ${failures.join('; ')})` : '';
  return benchRow({
    figure: `activation as code-server ${measured.codeServer} shows it (Running Extensions), vs an empty extension; median of ${ours.length} windows${lost}`,
    value: median(ours),
    unit: 'ms',
    baseline: median(empty),
    goal: GOAL,
    met: true,
  });
}

export function vscodeActivationFigures(): Promise<BenchRow[]> {
  const script = path.join(root, 'test/bench/vscodeActivation.mjs');
  const vsix = path.join(root, 'polyaxon-dev-environments.vsix');
  const child = spawnSync(process.execPath, [script, '--vsix', vsix, '--samples', String(SAMPLES)], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) {
    process.stderr.write(child.stderr ?? '');
    const reason = (child.stderr ?? '').split('\n').find((l) => l.trim()) ?? `exit ${child.status ?? child.signal}`;
    return Promise.resolve([notMeasuredRow(FIGURE, GOAL, `vscodeActivation.mjs failed: ${reason.trim()}`)]);
  }
  return Promise.resolve([vscodeActivationRow(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Measured)]);
}
