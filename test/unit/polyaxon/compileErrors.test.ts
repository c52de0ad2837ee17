import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { translateCompileError } from '../../../src/polyaxon/compileErrors';
import { SHARED_POLYAXON } from '../sharedFacts';

const RECORDED_FAILURE = path.join(SHARED_POLYAXON, 'recorded', 'run-statuses.unknown-connection.failed.json');

/** The message of the `failed` condition a real Polyaxon CE 1.11.3 wrote for a run naming an unknown connection. */
function recordedCompileError(): string | undefined {
  if (!fs.existsSync(RECORDED_FAILURE)) return undefined;
  const recording = JSON.parse(fs.readFileSync(RECORDED_FAILURE, 'utf8')) as {
    response: { body: { status_conditions: Array<{ type: string; message: string }> } };
  };
  return recording.response.body.status_conditions.find((c) => c.type === 'failed')?.message;
}

describe('translateCompileError', () => {
  it('translates the recorded "connection not found" compile error of a real Polyaxon', function () {
    const raw = recordedCompileError();
    if (raw === undefined) this.skip(); // ../shared is not beside this clone
    assert.match(raw, /agent\.connections catalog/, 'the recording is the raw compiler text');
    const problem = translateCompileError(raw);
    assert.ok(problem, 'translated');
    assert.ok(problem.text.startsWith("this cluster has no connection 'no-such-connection'"), problem.text);
    assert.doesNotMatch(problem.text, /[`{}]|catalog/, 'none of the raw text is left');
    assert.strictEqual(problem.fixInPolyaxonfile, true);
  });

  it('names every missing connection', () => {
    const raw = "Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: `{'a', 'b'}`";
    assert.ok(translateCompileError(raw)?.text.startsWith("this cluster has no connections 'a', 'b': remove them"));
  });

  it('leaves other texts alone', () => {
    assert.strictEqual(translateCompileError('Failed to compile.\nsomething else'), undefined);
    assert.strictEqual(translateCompileError(undefined), undefined);
    assert.strictEqual(translateCompileError(''), undefined);
  });
});
