// The packaging check (UI stage, right after `npm run package`): the .vsix ships only what runs.
import { execFileSync } from 'node:child_process';

/** The files inside a .vsix (a zip), read with Python's zipfile (python3 is on every machine of this kind). */
export function vsixFiles(vsix) {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Problems with the package's contents: at most 30 files, the bundle and polyaxonfiles in, no sources, tests or screenshots. */
export function vsixProblems(files) {
  const problems = [];
  if (files.length > 30) problems.push(`${files.length} files (at most 30): ${files.join(', ')}`);
  for (const needed of ['extension/dist/extension.js', 'extension/polyaxonfiles/vscode-service.yml', 'extension/package.json']) {
    if (!files.includes(needed)) problems.push(`missing ${needed}`);
  }
  const stray = files.filter((f) => /^extension\/(src|test|out|node_modules)\/|screenshots|\.map$|\.ts$/.test(f));
  if (stray.length) problems.push(`ships what does not run: ${stray.join(', ')}`);
  return problems;
}
