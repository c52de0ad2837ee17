// A form's step counter counts the whole form: Configure Connection's project pick is its (3/3), not a new (1/1).
import * as assert from 'assert';
import { stepCounter } from '../../../src/workbench/stepCounter';

describe('stepCounter', () => {
  it('counts the steps of a form', () => {
    assert.deepStrictEqual(stepCounter(2, 5), { step: 2, total: 5 });
  });

  it('goes on counting after the steps shown before, as Configure Connection does after its host and token', () => {
    assert.deepStrictEqual(stepCounter(1, 1, { before: 2, total: 3 }), { step: 3, total: 3 });
  });

  it('shows no counter for a one-step pick (a lone "1/1" after another form read as a restart)', () => {
    assert.strictEqual(stepCounter(1, 1), undefined);
  });
});
