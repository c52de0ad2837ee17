// `npm run bench`: the extension's figures against baselines measured in the same run. Writes bench/results.json
// (one BenchRow per figure, plus the machine's description) and prints the table. Runs against 127.0.0.1 only.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { activationFigures } from './activationFigures';
import { bundleFigures } from './bundleFigures';
import { requestFigures } from './requestFigures';
import { vscodeActivationFigures } from './vscodeActivationFigures';
import { notMeasuredRow, type BenchRow } from './row';

/**
 * Each provider measures its rows with their baselines. One that fails leaves a "not measured" row with its reason,
 * and the others still run: the table and bench/results.json always come out.
 */
// vscodeActivationFigures installs the .vsix that bundleFigures packages.
const figureProviders: { figures: string; measure: () => Promise<BenchRow[]> }[] = [
  { figures: 'activation and first commands (Node, vscode stand-in)', measure: activationFigures },
  { figures: 'bundle and package sizes', measure: bundleFigures },
  { figures: 'activation in a real VS Code', measure: vscodeActivationFigures },
  { figures: 'request budget', measure: requestFigures },
];

export async function measureAll(providers = figureProviders): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { figures, measure } of providers) {
    try {
      rows.push(...(await measure()));
    } catch (e) {
      rows.push(notMeasuredRow(figures, '—', e instanceof Error ? e.message : String(e)));
    }
  }
  return rows;
}

const root = path.resolve(__dirname, '../../..');

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function cell(n: number | null, unit = ''): string {
  if (n === null) return '—';
  const text = Number.isInteger(n) || Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
  return unit ? `${text} ${unit}` : text;
}

export function table(rows: BenchRow[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const lines = rows.map((r) => [
    r.figure,
    r.notMeasured !== undefined ? 'not measured' : cell(r.value, r.unit),
    cell(r.baseline, r.unit),
    r.ratio === null ? '—' : `${cell(r.ratio)}×`,
    r.goal,
    r.notMeasured !== undefined ? 'NOT MEASURED' : r.met ? 'yes' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}

async function main(): Promise<void> {
  const before = machine();
  const rows = await measureAll();
  const description = { ...before, loadAverageAfter: machine().loadAverage, date: new Date().toISOString() };
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ machine: description, rows }, null, 2)}\n`);
  const d = description;
  console.log(
    `${d.cpus} × ${d.model}, ${d.memoryGiB} GiB, Node ${d.node}, load average ${d.loadAverage.join(' ')} (after: ${d.loadAverageAfter.join(' ')})`,
  );
  console.log(table(rows));
  for (const r of rows.filter((row) => row.notMeasured !== undefined)) console.log(`\nnot measured: ${r.figure}: ${r.notMeasured}`);
  const missed = rows.filter((r) => !r.met && r.notMeasured === undefined);
  if (missed.length) {
    console.log(`\n${missed.length} goal${missed.length === 1 ? '' : 's'} MISSED: ${missed.map((r) => r.figure).join('; ')}`);
  }
  console.log('\nwritten to bench/results.json');
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
