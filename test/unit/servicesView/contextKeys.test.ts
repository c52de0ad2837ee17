import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../../src/shared/commandIds';
import { CONTEXT_KEY_DEFAULTS, initContextKeys, setContext } from '../../../src/servicesView/contextKeys';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'));

/** Every `when` clause of the manifest: menus, welcome views, and anything else that has one. */
function whenClauses(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(whenClauses);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => {
      if (key === 'when' && typeof value === 'string') return [value];
      // The walkthrough ticks its steps on `onContext:<key>` completion events.
      if (key === 'completionEvents' && Array.isArray(value)) {
        return value
          .filter((e): e is string => typeof e === 'string' && e.startsWith('onContext:'))
          .map((e) => e.slice('onContext:'.length));
      }
      return whenClauses(value);
    });
  }
  return [];
}

describe('context keys', () => {
  const clauses = whenClauses(manifest.contributes);
  const views = new Set<string>(
    Object.values(manifest.contributes.views as Record<string, { id: string }[]>)
      .flat()
      .map((v) => v.id),
  );
  // Quoted values ('polyaxon.service', a webview type) are not keys.
  const read = new Set(
    clauses.flatMap((w) => [...w.replace(/'[^']*'/g, '').matchAll(/\bpolyaxon\.[\w.]+/g)].map((m) => m[0])).filter((k) => !views.has(k)),
  );
  const declared = Object.keys(CONTEXT_KEY_DEFAULTS);

  it('declares every polyaxon.* key a when clause reads, and each declared key is read somewhere', () => {
    assert.ok(clauses.length > 0 && declared.length > 0);
    assert.deepStrictEqual(
      [...read].filter((k) => !declared.includes(k) && !(COMMAND_IDS as readonly string[]).includes(k)),
      [],
    );
    assert.deepStrictEqual(
      declared.filter((k) => !read.has(k)),
      [],
    );
  });

  it('sets every key at activation, with its default unless the value is known, then only changes', async () => {
    const sent: [string, unknown][] = [];
    await initContextKeys((key, value) => (sent.push([key, value]), Promise.resolve()), { 'polyaxon.inCluster': true });
    assert.deepStrictEqual(Object.fromEntries(sent), {
      'polyaxon.loaded': false,
      'polyaxon.state': 'loading',
      'polyaxon.failure': 'other',
      'polyaxon.hostSource': 'setting',
      'polyaxon.inCluster': true,
      'polyaxon.jupyterAvailable': false,
      'polyaxon.connected': false,
      'polyaxon.projectChosen': false,
      'polyaxon.serviceRunning': false,
      'polyaxon.imageBuilt': false,
      'polyaxon.notebookKernelUsed': false,
    });
    sent.length = 0;
    await setContext('polyaxon.state', 'loading');
    await setContext('polyaxon.state', 'ok');
    assert.deepStrictEqual(sent, [['polyaxon.state', 'ok']]);
  });
});
