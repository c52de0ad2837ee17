// This suite runs without the ms-toolsai.jupyter stand-in: the optional Jupyter integration stays out of the way.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolyaxonTestApi } from '../../src/api';
import { extension } from '../integration/helpers';

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
});
