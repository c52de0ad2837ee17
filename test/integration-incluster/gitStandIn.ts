// A team's Git repository without a network, for Clone Repository (no vscode: the UI runner uses it too, from out/).
import { execFileSync } from 'child_process';
import * as path from 'path';

/**
 * A bare repository `<dir>/remote/team/demo.git` with one commit, and git settings that make
 * `https://git.example.test/` mean that folder (url.<base>.insteadOf, as a mirror would be configured):
 * the clone command stays the exact HTTPS one, and no network is needed.
 */
export function bareRepo(dir: string): { url: string; gitEnv: Record<string, string> } {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
      cwd,
      stdio: 'pipe',
    });
  const work = path.join(dir, 'work');
  execFileSync('mkdir', ['-p', work, path.join(dir, 'remote', 'team')]);
  git(work, 'init', '-q');
  execFileSync('sh', ['-c', 'echo "# demo" > README.md'], { cwd: work });
  git(work, 'add', 'README.md');
  git(work, 'commit', '-q', '-m', 'first');
  git(dir, 'clone', '-q', '--bare', work, path.join(dir, 'remote', 'team', 'demo.git'));
  return {
    url: 'https://git.example.test/team/demo.git',
    gitEnv: {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.file://${path.join(dir, 'remote')}/.insteadOf`,
      GIT_CONFIG_VALUE_0: 'https://git.example.test/',
    },
  };
}
