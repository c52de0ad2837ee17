import * as assert from 'assert';
import { InvalidHostError } from '../../../src/connection/validHost';
import { ServicesModel } from '../../../src/services/servicesModel';

describe('ServicesModel', () => {
  it('settles a refresh with the invalidHost state when the host is not a URL', async () => {
    let changes = 0;
    const model = new ServicesModel({
      connection: () => Promise.reject(new InvalidHostError('"htp://x" is not a valid Polyaxon host URL.', 'setting')),
      projectNames: () => ['p'],
      filter: () => 'active',
    });
    model.onDidChange(() => changes++);
    try {
      await model.refresh();
      assert.strictEqual(model.state, 'invalidHost');
      assert.match(String(model.lastError?.message), /htp:\/\/x/);
      assert.strictEqual(changes, 1);
    } finally {
      model.dispose();
    }
  });
});
