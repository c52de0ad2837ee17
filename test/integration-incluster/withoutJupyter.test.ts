// This suite runs without the ms-toolsai.jupyter stand-in: the optional Jupyter integration stays out of the way.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import { extension } from '../integration/helpers';
import { executeWithRecordedPrompts } from './fixtures';

describe('without the Jupyter extension', () => {
  it('registers no server collection, and activation does not fail', async () => {
    assert.strictEqual(vscode.extensions.getExtension('ms-toolsai.jupyter'), undefined);
    const api = (await extension().activate()) as PolyaxonTestApi;
    assert.ok(extension().isActive);
    await api.jupyter.update();
    assert.strictEqual(api.jupyter.registered, false);
  });

  it('declares no dependency on it', () => {
    const manifest = extension().packageJSON as { extensionDependencies?: string[]; extensionPack?: string[] };
    assert.ok(!(manifest.extensionDependencies ?? []).includes('ms-toolsai.jupyter'));
    assert.ok(!(manifest.extensionPack ?? []).includes('ms-toolsai.jupyter'));
  });

  it('Use as Notebook Kernel says the Jupyter extension is needed, offers to install it, and opens nothing', async () => {
    const notebooks = vscode.workspace.notebookDocuments.length;
    const { result, shown } = await executeWithRecordedPrompts('polyaxon.useAsNotebookKernel');
    assert.strictEqual(result, undefined, 'no notebook');
    assert.strictEqual(shown.length, 1, `one message: ${JSON.stringify(shown)}`);
    assert.match(shown[0].message, /needs VS Code's Jupyter extension \(ms-toolsai\.jupyter\)/);
    assert.deepStrictEqual(shown[0].actions, ['Install the Jupyter Extension']);
    assert.strictEqual(vscode.workspace.notebookDocuments.length, notebooks, 'no notebook was opened');
    assert.strictEqual(vscode.window.activeNotebookEditor, undefined);
  });

  it('ticks the notebook step only once a notebook was opened, never on the command alone', () => {
    const manifest = extension().packageJSON as {
      contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] };
    };
    const step = manifest.contributes.walkthroughs.flatMap((w) => w.steps).find((s) => s.id === 'notebook');
    assert.deepStrictEqual(step?.completionEvents, ['onContext:polyaxon.notebookKernelUsed']);
  });
});
