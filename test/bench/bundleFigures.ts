// Bundle and package size: what dist/ ships (the extension, and axios and yaml in files of their own, all production)
// against axios + yaml bundled alone with the same esbuild settings; the .vsix that `npm run package` makes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { baselineBundles } from './baselineBundles';
import { benchRow, type BenchRow } from './row';

const root = path.resolve(__dirname, '../../..');
const KiB = 1024;

/** The entries of a zip, read with Python's zipfile (python3 is on every machine of this kind). */
function zipEntries(file: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** KiB of the dist/*.js files that `only` keeps (all by default); no source maps. */
function shippedBundle(only: (file: string) => boolean = () => true): number {
  const dist = path.join(root, 'dist');
  return (
    fs
      .readdirSync(dist)
      .filter((f) => f.endsWith('.js') && only(f))
      .reduce((sum, f) => sum + fs.statSync(path.join(dist, f)).size, 0) / KiB
  );
}

export async function bundleFigures(): Promise<BenchRow[]> {
  const bundle = shippedBundle();
  const own = fs.statSync(path.join(root, 'dist', 'extension.js')).size / KiB;
  const features = shippedBundle((f) => f.startsWith('feature-'));
  const deps = fs.statSync(baselineBundles().axiosYaml).size / KiB;
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // `npm run package` rebuilt dist/ through vscode:prepublish; it must be the bundle measured above.
  const vsix = path.join(root, 'polyaxon-dev-environments.vsix');
  const files = zipEntries(vsix).filter((f) => f.startsWith('extension/'));
  const shipped = shippedBundle();
  if (Math.abs(shipped - bundle) > 0.01) throw new Error(`dist/ changed while packaging: ${bundle} KiB, then ${shipped} KiB`);
  const vsixKiB = fs.statSync(vsix).size / KiB;
  return [
    benchRow({
      figure: 'bundle: every dist/*.js (core, features, axios, yaml; minified), vs axios + yaml bundled alone',
      value: bundle,
      unit: 'KiB',
      baseline: deps,
      goal: '≤ 1.3×',
      met: bundle <= 1.3 * deps,
    }),
    benchRow({
      // dist/axios.js leaves out axios' multipart support (form-data, mime-db): the baseline keeps it.
      figure: 'the core, loaded at activation (dist/extension.js), vs axios + yaml bundled alone',
      value: own,
      unit: 'KiB',
      baseline: deps,
      goal: 'reported, no goal',
      met: true,
    }),
    benchRow({
      figure: 'the features, each loaded by its first command (dist/feature-*.js), vs axios + yaml bundled alone',
      value: features,
      unit: 'KiB',
      baseline: deps,
      goal: 'reported, no goal',
      met: true,
    }),
    benchRow({
      figure: '.vsix size, vs the bundle it ships (the rest: icon, screenshots, docs)',
      value: vsixKiB,
      unit: 'KiB',
      baseline: bundle,
      goal: 'reported, no goal',
      met: true,
    }),
    benchRow({
      figure: '.vsix files',
      value: files.length,
      unit: 'files',
      baseline: null,
      goal: '≤ 50 (the packaging check)',
      met: files.length <= 50,
    }),
  ];
}
