import * as assert from 'assert';
import { projectNameProblem, repoNameFromGitConfig, slugify, suggestProjectName } from '../../../src/connection/projectName';

describe('project name suggestion', () => {
  it('is <repo>-<user>, as the AISG guide asks', () => {
    assert.strictEqual(suggestProjectName('my-project', 'alice'), 'my-project-alice');
  });

  it('makes both parts valid slugs', () => {
    assert.strictEqual(suggestProjectName('My Project.v2', 'Alice.Tan'), 'my-project-v2-alice-tan');
    assert.strictEqual(slugify('--a__b--'), 'a__b');
  });

  it('uses what is known, and does not repeat the user', () => {
    assert.strictEqual(suggestProjectName(undefined, 'alice'), 'alice');
    assert.strictEqual(suggestProjectName('repo', undefined), 'repo');
    assert.strictEqual(suggestProjectName('repo-alice', 'alice'), 'repo-alice');
    assert.strictEqual(suggestProjectName('', '  '), undefined);
  });

  it('reads the repository from the origin remote', () => {
    const config =
      '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://x/other.git\n[remote "origin"]\n\turl = git@github.com:aisg/kapitan-hull.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';
    assert.strictEqual(repoNameFromGitConfig(config), 'kapitan-hull');
    assert.strictEqual(repoNameFromGitConfig('[remote "origin"]\n\turl = https://gitlab.example/group/my-repo/\n'), 'my-repo');
    assert.strictEqual(repoNameFromGitConfig('[core]\n'), undefined);
  });

  it('checks a typed project name', () => {
    assert.strictEqual(projectNameProblem('my-repo-alice'), undefined);
    assert.match(projectNameProblem('My Repo') ?? '', /lower-case/);
    assert.match(projectNameProblem('') ?? '', /Enter/);
  });
});
