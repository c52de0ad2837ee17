// The packaging check (UI stage, right after `npm run package`): the .vsix ships only what runs, plus what the
// Extensions view shows (the icon and every image the README links, which it resolves inside the installed extension).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The files inside a .vsix (a zip), read with Python's zipfile (python3 is on every machine of this kind). */
export function vsixFiles(vsix) {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** The relative image paths a README links (`![alt](path)`); absolute URLs need not be shipped. */
export function readmeImages(readme) {
  return [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]).filter((p) => !/^[a-z]+:/i.test(p));
}

/**
 * Problems with the package's contents: at most 50 files; every bundle of dist/ (the core, the features loaded on first
 * use, axios and yaml), the icon, the polyaxonfiles and the README's images in; no sources, tests or source maps.
 */
export function vsixProblems(files, root = path.resolve(import.meta.dirname, '../../..')) {
  const problems = [];
  if (files.length > 50) problems.push(`${files.length} files (at most 50): ${files.join(', ')}`);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const images = readmeImages(readFileSync(path.join(root, 'README.md'), 'utf8'));
  const bundles = readdirSync(path.join(root, 'dist'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/${f}`);
  const needed = [...bundles, 'polyaxonfiles/vscode-service.yml', 'package.json', manifest.icon, ...images];
  for (const file of needed.map((f) => `extension/${path.posix.normalize(f)}`)) {
    if (!files.includes(file)) problems.push(`missing ${file}`);
  }
  const stray = files.filter((f) => /^extension\/(src|test|out|node_modules)\/|\.map$|\.ts$/.test(f));
  if (stray.length) problems.push(`ships what does not run: ${stray.join(', ')}`);
  return problems;
}
