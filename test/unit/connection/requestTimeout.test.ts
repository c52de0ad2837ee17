import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { requestTimeoutMs } from '../../../src/connection/requestTimeout';

describe('requestTimeoutMs', () => {
  it('clamps hand-edited values to 1..600 s and falls back to 30 s for non-numbers', () => {
    const cases: [unknown, number][] = [
      [30, 30_000],
      [3_000_000, 600_000],
      [0, 1_000],
      [-5, 1_000],
      [2.5, 2_500],
      ['abc', 30_000],
      ['45', 30_000],
      [null, 30_000],
      [undefined, 30_000],
      [Number.NaN, 30_000],
      [Number.POSITIVE_INFINITY, 30_000],
    ];
    for (const [setting, ms] of cases) assert.strictEqual(requestTimeoutMs(setting), ms, `setting ${String(setting)}`);
  });

  it('is declared with the same bounds in the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { minimum?: number; maximum?: number }> } };
    };
    const setting = manifest.contributes.configuration.properties['polyaxon.requestTimeoutSeconds'];
    assert.deepStrictEqual([setting.minimum, setting.maximum], [1, 600]);
  });
});
