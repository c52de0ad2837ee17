// Bundles the extension into dist/extension.js, and its runtime dependencies into dist/axios.js and dist/yaml.js.
//   node esbuild.mjs              development build (source maps in a separate file)
//   node esbuild.mjs --production minified, no source maps
//   node esbuild.mjs --watch      rebuild on change
import * as esbuild from 'esbuild';
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

const ctx = await esbuild.context({
  ...options.bundleOptions(production),
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  plugins: [options.vendorPlugin, options.vscodeOncePlugin, ...(watch ? [problemMatcher] : [])],
});

for (const [name, contents] of Object.entries(options.vendors)) {
  await esbuild.build({
    ...options.bundleOptions(production),
    stdin: { contents, resolveDir: process.cwd() },
    outfile: `dist/${name}.js`,
    plugins: options.vendorPlugins[name],
  });
}

if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
}
