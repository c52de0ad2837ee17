// The bench's baselines, bundled with the extension's own esbuild settings (esbuild.options.cjs) into a temp folder:
// an empty extension, and axios + yaml alone (the two runtime dependencies, used so that nothing is tree-shaken).
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file shared with esbuild.mjs
const { bundleOptions } = require(path.join(root, 'esbuild.options.cjs')) as { bundleOptions(production: boolean): object };

export interface Baselines {
  empty: string;
  axiosYaml: string;
}

const SOURCES = {
  empty: 'export function activate() {}\nexport function deactivate() {}\n',
  axiosYaml:
    "import axios from 'axios';\nimport * as yaml from 'yaml';\nexport function activate() { return [axios, yaml]; }\nexport function deactivate() {}\n",
};

let built: Baselines | undefined;

/** Production bundles (minified, as `npm run build` makes dist/extension.js); built once per bench run. */
export function baselineBundles(): Baselines {
  if (built) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-bench-'));
  const bundle = (name: keyof Baselines) => {
    const outfile = path.join(dir, name, 'dist/extension.js');
    buildSync({ ...bundleOptions(true), stdin: { contents: SOURCES[name], resolveDir: root, loader: 'ts' }, outfile });
    return outfile;
  };
  built = { empty: bundle('empty'), axiosYaml: bundle('axiosYaml') };
  return built;
}
