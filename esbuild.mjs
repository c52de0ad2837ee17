// Bundles the extension: the core into dist/extension.js, each feature loaded on first use into dist/feature-<name>.js
// (and what features share into dist/feature-common.js; see bundlePlan in esbuild.options.cjs), and the runtime
// dependencies into dist/axios.js and dist/yaml.js.
//   node esbuild.mjs              development build (source maps in a separate file)
//   node esbuild.mjs --production minified, no source maps
//   node esbuild.mjs --watch      rebuild on change (an import that moves a file to another bundle needs a restart)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import options from './esbuild.options.cjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const root = import.meta.dirname;
const plan = await options.bundlePlan(esbuild, root, production);
const contexts = await Promise.all(
  plan.map((bundle) =>
    esbuild.context({
      ...options.bundleOptions(production),
      stdin: { contents: options.planEntry(bundle), resolveDir: root, sourcefile: `${bundle.name}.entry.js`, loader: 'ts' },
      outfile: `dist/${bundle.name}.js`,
      plugins: [options.homePlugin(root, bundle), options.vendorPlugin, options.vscodeOncePlugin, ...(watch ? [problemMatcher] : [])],
    }),
  ),
);
for (const stale of fs.existsSync('dist') ? fs.readdirSync('dist', { withFileTypes: true }) : []) {
  if (/^feature-.*\.js(\.map)?$/.test(stale.name) && !plan.some((b) => stale.name.startsWith(`${b.name}.js`)))
    fs.rmSync(`dist/${stale.name}`);
}

for (const [name, contents] of Object.entries(options.vendors)) {
  await esbuild.build({
    ...options.bundleOptions(production),
    stdin: { contents, resolveDir: process.cwd() },
    outfile: `dist/${name}.js`,
    plugins: options.vendorPlugins[name],
  });
}

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  for (const ctx of contexts) {
    await ctx.rebuild();
    await ctx.dispose();
  }
}
