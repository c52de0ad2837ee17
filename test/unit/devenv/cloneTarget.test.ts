import * as assert from 'assert';
import { checkCloneUrl, checkUserName, cloneCommand, cloneDoneMarker, cloneTarget, repoNameFromUrl, workspaceSetupCommand } from '../../../src/devenv/cloneTarget';

describe('devenv/cloneTarget', () => {
  describe('checkCloneUrl', () => {
    it('accepts HTTPS URLs, with or without a user name', () => {
      for (const url of ['https://github.com/org/repo.git', 'https://gitlab.com/group/sub/repo', ' https://alice@github.com/org/repo.git ']) {
        assert.deepStrictEqual(checkCloneUrl(url), { ok: true, url: url.trim() });
      }
    });

    for (const url of ['git@github.com:org/repo.git', 'ssh://git@github.com/org/repo.git', 'git+ssh://github.com/org/repo.git', 'SSH://host/x.git']) {
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
    assert.strictEqual(cloneDoneMarker('/w/alice/repo'), '/w/alice/repo/.git/index');
  });

  it('quotes the commands for the shell', () => {
    assert.strictEqual(cloneCommand('https://github.com/org/repo.git', '/w/alice/repo'), 'git clone https://github.com/org/repo.git /w/alice/repo');
    assert.strictEqual(cloneCommand('https://h/o/r.git', "/w/it's/repo"), `git clone https://h/o/r.git '/w/it'\\''s/repo'`);
    assert.strictEqual(
      workspaceSetupCommand('/polyaxon-v1-data/workspaces/alice'),
      'sudo mkdir -p /polyaxon-v1-data/workspaces/alice && sudo chown -R 2222:2222 /polyaxon-v1-data/workspaces/alice',
    );
  });
});
