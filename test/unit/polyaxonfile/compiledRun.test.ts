// The image a run uses, from its compiled content: what a real Polyaxon's run answers carry and its lists do not.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runImage } from '../../../src/polyaxonfile/compiledRun';
import { requireShared, SHARED_POLYAXON } from '../sharedFacts';

/**
 * The body of a recorded answer of a real Polyaxon (CE 1.11.3 in recorded/, 2.5.2 in recorded-v2/); the test skips,
 * saying so, where ../shared is not beside this clone.
 */
function recorded(ctx: Mocha.Context, folder: string, file: string): Record<string, unknown> {
  requireShared(ctx, `${folder}/${file}`);
  const full = path.join(SHARED_POLYAXON, folder, file);
  return (JSON.parse(fs.readFileSync(full, 'utf8')) as { response: { body: Record<string, unknown> } }).response.body;
}

describe('runImage', () => {
  for (const folder of ['recorded', 'recorded-v2']) {
    it(`reads the image from a real Polyaxon's run answer (${folder}), which its list items lack`, function () {
      const run = recorded(this, folder, 'run-get.vscode.running.json');
      const list = recorded(this, folder, 'runs-list.kind-service.sort-created.limit20.json');
      assert.strictEqual(runImage(run.content as string), 'registry.aisingapore.net/aiap/vscode-server:0.1.0');
      const items = list.results as Record<string, unknown>[];
      assert.ok(items.length > 0 && items.every((item) => !('content' in item)), 'a list item carries no compiled content');
    });

    it(`gives none for the unresolved content of a failed compile (${folder})`, function () {
      const run = recorded(this, folder, 'run-get.unknown-param.failed.json');
      assert.match(String(run.content), /\{\{ DOCKER_IMAGE \}\}/, 'the recording still holds the template');
      assert.strictEqual(runImage(run.content as string), undefined);
    });
  }

  it('reads a fixed image too, and gives none without content', () => {
    const content = JSON.stringify({ kind: 'compiled_operation', run: { kind: 'service', container: { image: 'codercom/code-server' } } });
    assert.strictEqual(runImage(content), 'codercom/code-server');
    assert.strictEqual(runImage(JSON.stringify({ run: { kind: 'service', container: {} } })), undefined);
    assert.strictEqual(runImage('not json'), undefined);
    assert.strictEqual(runImage(undefined), undefined);
  });
});
