import * as assert from 'assert';
import {
  checkCloneUrl,
  checkUserName,
  cloneCommandLine,
  cloneTarget,
  repoNameFromUrl,
  workspaceSetupCommand,
} from '../../../src/inCluster/cloneTarget';

describe('devenv/cloneTarget', () => {
  describe('checkCloneUrl', () => {
    it('accepts HTTPS URLs, with or without a user name', () => {
      for (const url of [
        'https://github.com/org/repo.git',
        'https://gitlab.com/group/sub/repo',
        ' https://alice@github.com/org/repo.git ',
      ]) {
        assert.deepStrictEqual(checkCloneUrl(url), { ok: true, url: url.trim() });
      }
    });

    for (const url of [
      'git@github.com:org/repo.git',
      'ssh://git@github.com/org/repo.git',
      'git+ssh://github.com/org/repo.git',
      'SSH://host/x.git',
    ]) {
      it(`refuses SSH: ${url}`, () => {
        const check = checkCloneUrl(url);
        assert.strictEqual(check.ok, false);
        assert.match(!check.ok ? check.reason : '', /SSH URLs are not allowed.*shared storage.*team.*HTTPS/);
      });
    }

    it('refuses http, other schemes, tokens in the URL and URLs without a repository', () => {
      const reason = (url: string) => {
        const check = checkCloneUrl(url);
        return check.ok ? '' : check.reason;
      };
      assert.match(reason('http://github.com/org/repo.git'), /unencrypted/);
      assert.match(reason('file:///srv/repo.git'), /not an HTTPS URL/);
      assert.match(reason('/srv/repo.git'), /not an HTTPS URL/);
      assert.match(reason('https://alice:ghp_secret@github.com/org/repo.git'), /token/);
      assert.match(reason('https://github.com/'), /does not name a repository/);
      assert.match(reason(''), /Enter the HTTPS URL/);
    });

    it('refuses whitespace, control characters and line breaks anywhere in the URL', () => {
      const bad = [
        'https://github.com/org/repo.git\nrm -rf ~',
        'https://github.com/org/re po.git',
        'https://github.com/org/re\rpo.git',
        'https://github.com/org/\x1b[2Jrepo.git',
        'https://github.com/org/repo\x00.git',
        'https://github.com/org/repo\t.git',
        'https://github.com/org/repo\x7f.git',
      ];
      assert.ok(bad.length > 0);
      for (const url of bad) {
        const check = checkCloneUrl(url);
        assert.strictEqual(check.ok, false, JSON.stringify(url));
        assert.match(check.ok ? '' : check.reason, /spaces, line breaks or control characters/, JSON.stringify(url));
      }
    });

    it('returns the normalised URL, not the raw input', () => {
      assert.deepStrictEqual(checkCloneUrl('  HTTPS://GitHub.COM/org/repo.git '), { ok: true, url: 'https://github.com/org/repo.git' });
      assert.deepStrictEqual(checkCloneUrl('https://github.com:443/org/x/../repo.git'), {
        ok: true,
        url: 'https://github.com/org/repo.git',
      });
    });
  });

  it('names the folder like git clone does', () => {
    assert.strictEqual(repoNameFromUrl('https://github.com/org/my-repo.git'), 'my-repo');
    assert.strictEqual(repoNameFromUrl('https://github.com/org/my-repo'), 'my-repo');
    assert.strictEqual(repoNameFromUrl('https://github.com/org/my-repo/'), 'my-repo');
    assert.strictEqual(repoNameFromUrl('https://host/scm/org/my-repo/.git'), 'my-repo');
    assert.strictEqual(repoNameFromUrl('https://host/org/..'), undefined);
    assert.strictEqual(repoNameFromUrl('not a url'), undefined);
  });

  it('checks user names as folder names', () => {
    assert.strictEqual(checkUserName('alice'), undefined);
    assert.strictEqual(checkUserName('alice.tan_2-x'), undefined);
    assert.match(checkUserName('') ?? '', /Enter your name/);
    for (const bad of ['../bob', 'a/b', '.hidden', 'has space', '-x']) assert.ok(checkUserName(bad), bad);
    assert.match(checkUserName('a'.repeat(65)) ?? '', /64/);
  });

  it('builds the target under <root>/<name>/<repo>', () => {
    assert.deepStrictEqual(cloneTarget('/polyaxon-v1-data/workspaces/', 'alice', 'repo'), {
      userDir: '/polyaxon-v1-data/workspaces/alice',
      target: '/polyaxon-v1-data/workspaces/alice/repo',
    });
    assert.strictEqual(cloneTarget('', 'alice', 'repo').target, '/polyaxon-v1-data/workspaces/alice/repo');
  });

  it('passes the clone to git as separate arguments, and quotes the setup commands for the shell', () => {
    assert.deepStrictEqual(cloneCommandLine('https://h/o/r.git', "/w/it's a/repo"), {
      command: 'git',
      args: ['clone', '--', 'https://h/o/r.git', "/w/it's a/repo"],
    });
    assert.strictEqual(
      workspaceSetupCommand('/polyaxon-v1-data/workspaces/alice'),
      'sudo mkdir -p /polyaxon-v1-data/workspaces/alice && sudo chown -R 2222:2222 /polyaxon-v1-data/workspaces/alice',
    );
  });
});
