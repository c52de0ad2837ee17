import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCliConfig } from '../../../src/connection/cliConfig';
import { DEFAULT_HOST, resolveHost, resolveToken } from '../../../src/connection/resolve';

describe('connection resolution', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-home-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  function writeCli(file: '.client' | '.auth', data: object) {
    fs.mkdirSync(path.join(home, '.polyaxon'), { recursive: true });
    fs.writeFileSync(path.join(home, '.polyaxon', file), JSON.stringify(data));
  }

  it('prefers the setting, then $POLYAXON_HOST, then the CLI config, then localhost:8888', () => {
    writeCli('.client', { POLYAXON_HOST: 'http://localhost:8117', POLYAXON_IS_MANAGED: false });
    assert.deepStrictEqual(resolveHost('https://plx.example.com', { POLYAXON_HOST: 'http://env:1' }, readCliConfig(home)), { host: 'https://plx.example.com', source: 'setting' });
    assert.deepStrictEqual(resolveHost('  ', { POLYAXON_HOST: 'http://env:1' }, readCliConfig(home)), { host: 'http://env:1', source: 'env' });
    assert.deepStrictEqual(resolveHost('', {}, readCliConfig(home)), { host: 'http://localhost:8117', source: 'cliConfig' });
    fs.rmSync(path.join(home, '.polyaxon'), { recursive: true });
    assert.strictEqual(resolveHost('', {}, readCliConfig(home)).source, readCliConfig(home).host ? 'cliConfig' : 'default');
  });

  it('falls back to the default gateway port when nothing is configured', () => {
    assert.deepStrictEqual(resolveHost(undefined, {}, {}), { host: 'http://localhost:8888', source: 'default' });
    assert.strictEqual(DEFAULT_HOST, 'http://localhost:8888');
    assert.deepStrictEqual(resolveToken(undefined, {}, {}), { source: 'none' });
  });

  it('takes the stored token first, then $POLYAXON_AUTH_TOKEN, then ~/.polyaxon/.auth', () => {
    writeCli('.auth', { POLYAXON_AUTH_USERNAME: 'alice', POLYAXON_AUTH_TOKEN: 'from-cli' });
    assert.deepStrictEqual(resolveToken('stored', { POLYAXON_AUTH_TOKEN: 'from-env' }, readCliConfig(home)), { token: 'stored', source: 'secretStorage' });
    assert.deepStrictEqual(resolveToken(undefined, { POLYAXON_AUTH_TOKEN: 'from-env' }, readCliConfig(home)), { token: 'from-env', source: 'env' });
    assert.deepStrictEqual(resolveToken(undefined, {}, readCliConfig(home)), { token: 'from-cli', source: 'cliConfig' });
  });

  it('ignores an unreadable or malformed CLI file', () => {
    fs.mkdirSync(path.join(home, '.polyaxon'));
    fs.writeFileSync(path.join(home, '.polyaxon', '.client'), '{not json');
    assert.strictEqual(readCliConfig(home).hostFile, undefined);
  });
});
