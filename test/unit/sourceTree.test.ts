import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The shape of src/ as a whole: no import cycles, every import pointing down the folder order, no file over 300 lines.
const root = path.resolve(__dirname, '../../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The src/ files `file` imports: static imports and re-exports (type-only too), import() and require() of relative paths. */
export function relativeImports(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\b(?:import|require)\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const base = path.resolve(path.dirname(file), s);
      const candidates = [`${base}.ts`, path.join(base, 'index.ts')];
      const found = candidates.find((c) => fs.existsSync(c));
      if (!found) throw new Error(`${path.relative(root, file)} imports ${s}, which is no .ts file`);
      return found;
    });
}

/** Every cycle found by a depth-first search, each as the list of files around it (first file repeated at the end). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/**
 * The folders of src/, bottom first (test/unit/folderOrder.json, which eslint.config.mjs reads too): the architecture as
 * the README draws it. A file imports its own folder or folders before it there, never one after it (the order is that
 * list, written by hand: a new folder must be placed in it).
 * The files at the root of src/ (the wiring) come last and may import anything.
 */
export const FOLDER_ORDER: readonly string[] = (
  JSON.parse(fs.readFileSync(path.join(root, 'test/unit/folderOrder.json'), 'utf8')) as { order: string[] }
).order;

/** The top folder of a file under src/ ('' for the wiring at the root), and whether it lies in a `vscode/` folder. */
function placeOf(file: string): { folder: string; vscode: boolean } {
  const parts = path.relative(src, file).split(path.sep);
  return { folder: parts.length > 1 ? parts[0] : '', vscode: parts.slice(1, -1).includes('vscode') };
}

/** Each import of `graph` that runs up the folder order, or from plain code into a `vscode/` folder, as text. */
export function upwardImports(graph: Map<string, string[]>, order: readonly string[]): string[] {
  const rank = (folder: string) => (folder === '' ? order.length : order.indexOf(folder));
  const found: string[] = [];
  for (const [file, imports] of graph) {
    const from = placeOf(file);
    for (const target of imports) {
      const to = placeOf(target);
      const name = `${path.relative(src, file)} → ${path.relative(src, target)}`;
      if (rank(from.folder) < 0) found.push(`${name}: ${from.folder} is not in FOLDER_ORDER`);
      else if (rank(to.folder) > rank(from.folder)) found.push(`${name}: ${to.folder} is above ${from.folder}`);
      else if (to.vscode && !from.vscode && from.folder !== '') found.push(`${name}: plain code imports a vscode/ file`);
    }
  }
  return found;
}

describe('the source tree', () => {
  const files = sourceFiles(src);

  it('finds a cycle, and only a cycle (the search itself)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepStrictEqual(importCycles(graph), [['a', 'b', 'c', 'a']]);
    assert.deepStrictEqual(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
          ['c', ['a', 'b']],
        ]),
      ),
      [],
    );
  });

  it('reads static, type-only, multi-line, re-exported, import() and require() imports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-'));
    for (const f of ['a.ts', 'b/index.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
    const text = [
      "import type { A } from './a';",
      "export { B } from './b';",
      "import {\n  C,\n} from './c';",
      "const d = require('./d');",
      "void import('./e');",
      "import 'vscode';",
      "import * as fs from 'fs';",
    ].join('\n');
    assert.deepStrictEqual(
      relativeImports(path.join(dir, 'f.ts'), text)
        .map((f) => path.relative(dir, f))
        .sort(),
      ['a.ts', 'b/index.ts', 'c.ts', 'd.ts', 'e.ts'],
    );
    assert.throws(
      () => relativeImports(path.join(dir, 'f.ts'), "import { X } from './missing';"),
      /imports \.\/missing, which is no \.ts file/,
    );
  });

  it('reads the imports of every file under src/', () => {
    assert.ok(files.length > 50, `${files.length} files`);
    const extension = relativeImports(path.join(src, 'extension.ts'), fs.readFileSync(path.join(src, 'extension.ts'), 'utf8'));
    assert.ok(extension.length > 5, 'extension.ts imports its parts');
  });

  it('has no import cycles among src/ files, type-only imports included', () => {
    const graph = new Map(files.map((f) => [f, relativeImports(f, fs.readFileSync(f, 'utf8'))]));
    const cycles = importCycles(graph).map((c) => c.map((f) => path.relative(src, f)).join(' → '));
    assert.deepStrictEqual(cycles, []);
  });

  it('finds an import that runs up the folder order, or from plain code into vscode/ (the check itself)', () => {
    const at = (p: string) => path.join(src, p);
    const graph = new Map([
      [at('launch/a.ts'), [at('polyaxon/b.ts'), at('launch/c.ts')]],
      [at('polyaxon/b.ts'), [at('launch/a.ts')]],
      [at('launch/c.ts'), [at('launch/vscode/d.ts')]],
      [at('launch/vscode/d.ts'), [at('launch/c.ts'), at('shared/e.ts')]],
      [at('extension.ts'), [at('launch/vscode/d.ts')]],
      [at('elsewhere/f.ts'), [at('shared/e.ts')]],
    ]);
    assert.deepStrictEqual(upwardImports(graph, ['shared', 'polyaxon', 'launch']), [
      'polyaxon/b.ts → launch/a.ts: launch is above polyaxon',
      'launch/c.ts → launch/vscode/d.ts: plain code imports a vscode/ file',
      'elsewhere/f.ts → shared/e.ts: elsewhere is not in FOLDER_ORDER',
    ]);
  });

  it('has every import pointing down the folder order, and plain code never importing a vscode/ file', () => {
    const graph = new Map(files.map((f) => [f, relativeImports(f, fs.readFileSync(f, 'utf8'))]));
    assert.deepStrictEqual(upwardImports(graph, FOLDER_ORDER), []);
  });

  it('has a folder in FOLDER_ORDER for every folder of src/, and none that is gone', () => {
    const folders = fs
      .readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.deepStrictEqual(folders, [...FOLDER_ORDER].sort());
  });

  it('has no file over 300 lines', () => {
    const long = files
      .map((f) => ({ file: path.relative(root, f), lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 300)
      .map((f) => `${f.file}: ${f.lines} lines`);
    assert.deepStrictEqual(long, []);
  });
});
