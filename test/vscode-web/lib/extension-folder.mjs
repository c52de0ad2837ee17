// Installs an extension kept as a folder in this repo (e.g. test/jupyter-stand-in) into a code-server state.
// code-server's web payload keeps one extensionDevelopmentPath only (it is read into a Map), and a folder cannot be
// installed as it is: the folder is assembled with its compiled `main`, bundled with what it requires (the stand-in
// runs @jupyterlab/services and ws, as the real extension bundles them), packaged with vsce, installed as a .vsix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, installVsix } from './code-server.mjs';

export function installExtensionFolder(state, dir, { vscode } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const main = path.resolve(dir, manifest.main);
  if (!fs.existsSync(main)) throw new Error(`missing ${path.relative(ROOT, main)} (main of ${dir}): run  npx tsc -p .`);
  const build = fs.mkdtempSync(path.join(state.tmp, 'extension-'));
  esbuild.buildSync({
    entryPoints: [main],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: path.join(build, 'extension.js'),
    // ws loads these optional native helpers when present
    external: ['vscode', 'bufferutil', 'utf-8-validate'],
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(build, 'package.json'), JSON.stringify({ ...manifest, main: './extension.js' }, null, 2));
  const vsix = path.join(state.tmp, `${manifest.publisher}.${manifest.name}.vsix`);
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@vscode/vsce/vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--out',
      vsix,
    ],
    { cwd: build, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  installVsix(state, vsix, { vscode });
}
