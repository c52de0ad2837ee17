// The bundle's esbuild settings, shared by esbuild.mjs and the bench (which bundles its baselines with the same ones).
const fs = require('fs');
const path = require('path');

/** @param {boolean} production minified, without source maps */
exports.bundleOptions = (production) => ({
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});

/**
 * The runtime dependencies, each bundled into a file of its own next to the extension (dist/axios.js, dist/yaml.js).
 * The extension requires them when first needed, so VS Code neither reads nor compiles them at activation.
 */
exports.vendors = {
  axios: "export { default } from 'axios';",
  yaml: "module.exports = require('yaml');",
};

/**
 * axios' Node build imports the `form-data` package (and through it mime-db, 130 KiB) only to build multipart bodies,
 * which the extension never sends: dist/axios.js gets a stand-in that says so if anything ever asks for one.
 */
const noMultipart = {
  name: 'no-multipart',
  setup(build) {
    build.onResolve({ filter: /^form-data$/ }, () => ({ path: 'form-data', namespace: 'no-multipart' }));
    build.onLoad({ filter: /.*/, namespace: 'no-multipart' }, () => ({
      contents:
        "export default class FormData { constructor() { throw new Error('multipart/form-data is not bundled: the Polyaxon client never sends it'); } }",
      loader: 'js',
    }));
  },
};

/** Plugins of each vendor file's build. */
exports.vendorPlugins = { axios: [noMultipart], yaml: [] };

/**
 * Every `import * as vscode from 'vscode'` of the sources reads one namespace object. Left to itself, esbuild gives each
 * importing file its own copy of the API's properties (38 copies, about a fifth of the extension's load time).
 */
exports.vscodeOncePlugin = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Resolves `axios` and `yaml` in the extension's sources to those files, left for Node to load at run time. */
exports.vendorPlugin = {
  name: 'vendor-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(exports.vendors).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${args.path}.js`, external: true }));
  },
};

/**
 * Features loaded on first use: each `src/features/vscode/<name>Feature.ts` is bundled into `dist/feature-<name>.js`,
 * which the core (dist/extension.js) requires the first time one of the feature's commands runs.
 */
exports.FEATURE_DIR = 'src/features/vscode';
exports.featureEntries = (root) =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(root, exports.FEATURE_DIR))
      .filter((f) => f.endsWith('Feature.ts'))
      .map((f) => [`feature-${f.slice(0, -'Feature.ts'.length)}`, `${exports.FEATURE_DIR}/${f}`]),
  );

/**
 * esbuild cannot split CommonJS output, so the split is made here, by hand: every source file gets one home bundle,
 * and only there is it compiled and run. Home: dist/extension.js for what activation loads (the core's module graph),
 * the feature's own file for what only that feature uses, and dist/feature-common.js for what several features share.
 * A bundle that imports a file homed elsewhere gets `require('./<home>.js').__modules['<file>']`, the one instance of
 * that module: a class (an error class too) is the same object in every bundle, and `instanceof` holds across them.
 *
 * @returns {Promise<{ name: string, entry?: string, exported: string[], home: Map<string, string> }[]>}
 */
exports.bundlePlan = async (esbuild, root, production) => {
  const graph = async (entry) => {
    const result = await esbuild.build({
      ...exports.bundleOptions(production),
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, 'dist/plan.js'),
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [exports.vendorPlugin, exports.vscodeOncePlugin],
    });
    return new Set(Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/')));
  };
  const entries = { extension: 'src/extension.ts', ...exports.featureEntries(root) };
  const graphs = Object.fromEntries(await Promise.all(Object.entries(entries).map(async ([name, e]) => [name, await graph(e)])));
  const home = new Map();
  for (const [name, files] of Object.entries(graphs)) {
    for (const file of files) {
      if (graphs.extension.has(file)) home.set(file, 'extension');
      else if (!home.has(file)) home.set(file, name);
      else if (home.get(file) !== name) home.set(file, 'feature-common');
    }
  }
  const names = [...Object.keys(entries), ...([...home.values()].includes('feature-common') ? ['feature-common'] : [])];
  const usedElsewhere = (file) => Object.entries(graphs).some(([name, files]) => name !== home.get(file) && files.has(file));
  return names.map((name) => ({
    name,
    entry: entries[name],
    exported: [...home.keys()].filter((f) => home.get(f) === name && (name === 'feature-common' || usedElsewhere(f))).sort(),
    home,
  }));
};

/** The entry of one bundle of the plan: its source entry, plus `__modules`, the modules that other bundles use. */
exports.planEntry = ({ entry, exported }) => {
  const lines = entry ? [`export * from './${entry}';`] : [];
  exported.forEach((file, i) => lines.push(`import * as m${i} from './${file}';`));
  lines.push(`export const __modules = { ${exported.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`);
  return lines.join('\n');
};

/** Resolves an import of a file homed in another bundle to that bundle's instance of it. */
exports.homePlugin = (root, bundle) => ({
  name: 'home-bundle',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.namespace === 'home-bundle') return { path: args.path, external: true };
      const base = path.resolve(args.resolveDir, args.path);
      const found = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      const file = found && path.relative(root, found).split(path.sep).join('/');
      const home = file && bundle.home.get(file);
      return home && home !== bundle.name ? { path: file, namespace: 'home-bundle', pluginData: home } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'home-bundle' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${args.pluginData}.js`)}).__modules[${JSON.stringify(args.path)}];`,
      loader: 'js',
      resolveDir: root,
    }));
  },
});
