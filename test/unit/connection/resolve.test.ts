import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCliConfig } from '../../../src/connection/cliConfig';
import { DEFAULT_HOST, resolveHost, resolveToken } from '../../../src/connection/resolve';

describe('connection resolution', () => {
  let home: string;
  let tmp: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-home-'));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-tmp-'));
  });
  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function writeCli(base: string, file: '.client' | '.auth', data: object) {
    fs.mkdirSync(path.join(base, '.polyaxon'), { recursive: true });
    fs.writeFileSync(path.join(base, '.polyaxon', file), JSON.stringify(data));
  }
  const cliAt = (h: string, uid = process.getuid?.()) => readCliConfig({ home: h, tmp, uid });

  it('prefers the setting, then $POLYAXON_HOST, then the CLI config, then localhost:8888', () => {
    writeCli(home, '.client', { POLYAXON_HOST: 'http://localhost:8117', POLYAXON_IS_MANAGED: false });
    assert.deepStrictEqual(resolveHost('https://plx.example.com', { POLYAXON_HOST: 'http://env:1' }, cliAt(home)), {
      host: 'https://plx.example.com',
      source: 'setting',
    });
    assert.deepStrictEqual(resolveHost('  ', { POLYAXON_HOST: 'http://env:1' }, cliAt(home)), { host: 'http://env:1', source: 'env' });
    assert.deepStrictEqual(resolveHost('', {}, cliAt(home)), { host: 'http://localhost:8117', source: 'cliConfig' });
    fs.rmSync(path.join(home, '.polyaxon'), { recursive: true });
    assert.deepStrictEqual(resolveHost('', {}, cliAt(home)), { host: DEFAULT_HOST, source: 'default' });
  });

  it('falls back to the default gateway port when nothing is configured', () => {
    assert.deepStrictEqual(resolveHost(undefined, {}, {}), { host: 'http://localhost:8888', source: 'default' });
    assert.deepStrictEqual(resolveToken('http://localhost:8888', undefined, {}, {}), { source: 'none' });
  });

  it('takes the stored token first, then $POLYAXON_AUTH_TOKEN, then ~/.polyaxon/.auth, each for its own host', () => {
    writeCli(home, '.client', { POLYAXON_HOST: 'localhost:8117' });
    writeCli(home, '.auth', { POLYAXON_AUTH_USERNAME: 'alice', POLYAXON_AUTH_TOKEN: 'from-cli' });
    const env = { POLYAXON_HOST: 'http://localhost:8117/', POLYAXON_AUTH_TOKEN: 'from-env' };
    assert.deepStrictEqual(resolveToken('http://localhost:8117', 'stored', env, cliAt(home)), { token: 'stored', source: 'secretStorage' });
    assert.deepStrictEqual(resolveToken('http://localhost:8117', undefined, env, cliAt(home)), { token: 'from-env', source: 'env' });
    assert.deepStrictEqual(resolveToken('http://localhost:8117', undefined, {}, cliAt(home)), { token: 'from-cli', source: 'cliConfig' });
  });

  it("sends the CLI token only to the host in the CLI's own .client, and $POLYAXON_AUTH_TOKEN only to $POLYAXON_HOST", () => {
    writeCli(home, '.client', { POLYAXON_HOST: 'https://plx.corp.example' });
    writeCli(home, '.auth', { POLYAXON_AUTH_TOKEN: 'cli-token' });
    const env = { POLYAXON_HOST: 'https://plx.corp.example', POLYAXON_AUTH_TOKEN: 'env-token' };
    // polyaxon.host points elsewhere (e.g. set by someone else): neither token goes there.
    const elsewhere = resolveToken('https://attacker.example', undefined, env, cliAt(home));
    assert.strictEqual(elsewhere.token, undefined);
    assert.strictEqual(elsewhere.source, 'none');
    assert.match(
      elsewhere.withheld ?? '',
      /\$POLYAXON_AUTH_TOKEN is for https:\/\/plx\.corp\.example; the Polyaxon CLI's token is for https:\/\/plx\.corp\.example, not https:\/\/attacker\.example/,
    );
    assert.ok(!JSON.stringify(elsewhere).includes('-token'), 'the explanation never holds a token');
    // Same host written differently: the token goes.
    assert.strictEqual(resolveToken('https://plx.corp.example', undefined, {}, cliAt(home)).token, 'cli-token');
    // A CLI token without a host in .client belongs to no host this extension could know.
    fs.rmSync(path.join(home, '.polyaxon', '.client'));
    assert.strictEqual(resolveToken('http://localhost:8888', undefined, {}, cliAt(home)).token, undefined);
    assert.strictEqual(
      resolveToken('http://localhost:8888', undefined, { POLYAXON_AUTH_TOKEN: 'env-token' }, {}).token,
      undefined,
      'no $POLYAXON_HOST: no host for the env token',
    );
  });

  it('reads /tmp/.polyaxon only when the home folder cannot be used, and only files of the current user', () => {
    writeCli(tmp, '.client', { POLYAXON_HOST: 'https://other-user.example' });
    writeCli(tmp, '.auth', { POLYAXON_AUTH_TOKEN: 'tmp-token' });
    assert.deepStrictEqual(cliAt(home), { host: undefined, token: undefined, hostFile: undefined }, 'a usable home: /tmp is never read');
    const noHome = path.join(home, 'does-not-exist');
    const uid = fs.statSync(path.join(tmp, '.polyaxon', '.client')).uid;
    assert.deepStrictEqual(cliAt(noHome, uid), {
      host: 'https://other-user.example',
      token: 'tmp-token',
      hostFile: path.join(tmp, '.polyaxon', '.client'),
    });
    assert.deepStrictEqual(
      cliAt(noHome, uid + 1),
      { host: undefined, token: undefined, hostFile: undefined },
      'files of another user are ignored',
    );
  });

  it('ignores an unreadable or malformed CLI file', () => {
    fs.mkdirSync(path.join(home, '.polyaxon'));
    fs.writeFileSync(path.join(home, '.polyaxon', '.client'), '{not json');
    assert.strictEqual(cliAt(home).hostFile, undefined);
  });
});
