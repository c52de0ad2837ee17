import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureWritableDir } from '../../../src/inCluster/userDir';

describe('devenv file helpers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plx-devenv-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('creates the user folder with its parents', async () => {
    assert.strictEqual(await ensureWritableDir(path.join(dir, 'workspaces', 'alice')), undefined);
    assert.ok((await fs.stat(path.join(dir, 'workspaces', 'alice'))).isDirectory());
  });

  it('says when a file is in the way', async () => {
    await fs.writeFile(path.join(dir, 'workspaces'), '');
    assert.strictEqual(await ensureWritableDir(path.join(dir, 'workspaces', 'alice')), 'a file is in the way');
  });

  it('says permission denied for a read-only parent', async function () {
    if (process.getuid?.() === 0) {
      console.log('    skipped: running as root, which may write anywhere');
      this.skip();
    }
    await fs.mkdir(path.join(dir, 'workspaces'), { mode: 0o555 });
    assert.strictEqual(await ensureWritableDir(path.join(dir, 'workspaces', 'alice')), 'permission denied');
  });
});
