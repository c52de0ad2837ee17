// The bundle's esbuild settings, shared by esbuild.mjs and the bench (which bundles its baselines with the same ones).

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
