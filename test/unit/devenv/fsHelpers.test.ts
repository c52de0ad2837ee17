import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureWritableDir } from '../../../src/devenv/userDir';
import { waitForPath } from '../../../src/devenv/waitForPath';

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

  it('waits for a file, and gives up on timeout or abort', async () => {
    const file = path.join(dir, 'index');
    setTimeout(() => void fs.writeFile(file, ''), 50);
    assert.strictEqual(await waitForPath(file, { timeoutMs: 2000, intervalMs: 10 }), true);
    assert.strictEqual(await waitForPath(path.join(dir, 'never'), { timeoutMs: 30, intervalMs: 10 }), false);
    const aborted = new AbortController();
    setTimeout(() => aborted.abort(), 30);
    assert.strictEqual(await waitForPath(path.join(dir, 'never'), { timeoutMs: 60_000, intervalMs: 10, signal: aborted.signal }), false);
  });
});
