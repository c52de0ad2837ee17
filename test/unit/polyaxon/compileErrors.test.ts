import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { translateCompileError } from '../../../src/polyaxon/compileErrors';
import { requireShared, SHARED_POLYAXON } from '../sharedFacts';

/**
 * The message of the `failed` condition a real Polyaxon wrote (CE 1.11.3 in recorded/, 2.5.2 in recorded-v2/); the
 * test skips, saying so, where ../shared is not beside this clone.
 */
function recordedCompileError(ctx: Mocha.Context, folder: string, file: string): string | undefined {
  requireShared(ctx, `${folder}/${file}`);
  const recording = JSON.parse(fs.readFileSync(path.join(SHARED_POLYAXON, folder, file), 'utf8')) as {
    response: { body: { status_conditions: Array<{ type: string; message: string }> } };
  };
  return recording.response.body.status_conditions.find((c) => c.type === 'failed')?.message;
}

describe('translateCompileError', () => {
  for (const folder of ['recorded', 'recorded-v2']) {
    it(`translates the ${folder} "connection not found" compile error of a real Polyaxon`, function () {
      const raw = recordedCompileError(this, folder, 'run-statuses.unknown-connection.failed.json');
      assert.ok(raw !== undefined, 'the recording has a failed condition');
      assert.match(raw, /agent\.connections catalog/, 'the recording is the raw compiler text');
      const problem = translateCompileError(raw);
      assert.ok(problem, 'translated');
      assert.ok(problem.text.startsWith("this cluster has no connection 'no-such-connection'"), problem.text);
      assert.doesNotMatch(problem.text, /[`{}]|catalog/, 'none of the raw text is left');
      assert.strictEqual(problem.short, "no connection 'no-such-connection'");
      assert.deepStrictEqual(problem.fixAt, ['run', 'connections']);
    });

    it(`translates the ${folder} "unexpected params" compile error of a real Polyaxon`, function () {
      const raw = recordedCompileError(this, folder, 'run-statuses.unknown-param.failed.json');
      assert.ok(raw !== undefined, 'the recording has a failed condition');
      assert.match(raw, /Compilation Error: Received unexpected params/, 'the recording is the raw compiler text');
      const problem = translateCompileError(raw);
      assert.ok(problem, 'translated');
      assert.match(problem.text, /^the polyaxonfile's component has no input for the param 'NOT_AN_INPUT': remove it from params/);
      assert.doesNotMatch(problem.text, /[`{}]|Compilation Error|Received/, 'none of the raw text is left');
      assert.strictEqual(problem.short, "unexpected param 'NOT_AN_INPUT'");
      assert.deepStrictEqual(problem.fixAt, ['params', 'NOT_AN_INPUT']);
    });
  }

  it('names every missing connection', () => {
    const raw = "Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: `{'a', 'b'}`";
    assert.ok(translateCompileError(raw)?.text.startsWith("this cluster has no connections 'a', 'b': remove them"));
  });

  it('says any other compile failure in one sentence, without the scheduler prefix', () => {
    const problem = translateCompileError('Failed to compile.\nsomething\nelse');
    assert.strictEqual(problem?.text, 'Polyaxon could not compile the polyaxonfile (it says: something else)');
    assert.strictEqual(problem.short, 'the polyaxonfile did not compile');
  });

  it('leaves texts that are no compile error alone', () => {
    assert.strictEqual(translateCompileError('Back-off pulling image "x"'), undefined);
    assert.strictEqual(translateCompileError(undefined), undefined);
    assert.strictEqual(translateCompileError(''), undefined);
  });
});
