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

/** Resolves `axios` and `yaml` in the extension's sources to those files, left for Node to load at run time. */
exports.vendorPlugin = {
  name: 'vendor-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(exports.vendors).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${args.path}.js`, external: true }));
  },
};
