// One local port for the Polyaxon gateway in every text: Connect to Cluster forwards to 8888, as the team guide does,
// so an example that says 8117 (or any other port) sends the user to a different address than the one they have.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_HOST } from '../../src/connection/resolve';
import { DEFAULT_LOCAL_PORT } from '../../src/portForward/discovery';

const root = path.resolve(__dirname, '../../..');

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, ext) : ext.test(e.name) ? [full] : [];
  });
}

/** `localhost:N`, `[::1]:N`, `--port=N` and kubectl's `N:80`, on lines that are not code comments. */
const PORT = /(?:localhost|\[::1\]):(\d+)|--port[= ](\d+)|\b(\d+):80\b/g;

describe('the gateway port in the texts', () => {
  it('is the port Connect to Cluster forwards to, in the README, the manifest, the walkthrough and every message', () => {
    assert.strictEqual(DEFAULT_LOCAL_PORT, 8888);
    assert.strictEqual(DEFAULT_HOST, `http://localhost:${DEFAULT_LOCAL_PORT}`);
    const texts = [
      path.join(root, 'README.md'),
      path.join(root, 'package.json'),
      ...files(path.join(root, 'media'), /\.md$/),
      ...files(path.join(root, 'src'), /\.ts$/),
    ];
    const others: string[] = [];
    for (const file of texts) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (file.endsWith('.ts') && /^\s*(\/\/|\/?\*)/.test(line)) return;
          for (const m of line.matchAll(PORT)) {
            if (Number(m[1] ?? m[2] ?? m[3]) !== DEFAULT_LOCAL_PORT) others.push(`${path.relative(root, file)}:${i + 1}: ${m[0]}`);
          }
        });
    }
    assert.deepStrictEqual(others, []);
  });
});
