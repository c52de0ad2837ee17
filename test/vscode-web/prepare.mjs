// Runs before `npm test` and `npm run demo` (npm's pre-scripts), so that each is the one command it needs to be on a
// fresh clone: the project's npm packages, then the test VS Code (code-server, Node 24, Chromium; idempotent).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

if (!fs.existsSync(path.join(root, 'node_modules/.package-lock.json'))) run('npm', ['ci']);
run('bash', ['test/vscode-web/setup.sh']);
