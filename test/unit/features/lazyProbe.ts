// Loads the built extension (dist/extension.js) in this process with the bench's `vscode` stand-in, the way VS Code's
// extension host requires `main`, and prints what the lazy feature loading did, as one JSON line:
//   node lazyProbe.js                      → after activation (atActivation: the dist files activate() loaded)
//   node lazyProbe.js COMMAND [FILE]       → after activation and a first run of COMMAND (with FILE as its Uri)
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');
const standIn = require.resolve('../../bench/vscodeStandIn');
const modules = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = modules._resolveFilename.bind(Module);
modules._resolveFilename = (request, ...rest) => (request === 'vscode' ? standIn : resolve(request, ...rest));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- under the name 'vscode', as the extension sees it
const vscode = require(standIn) as typeof import('../../bench/vscodeStandIn');

const [command, file] = process.argv.slice(2);
const errors: { message: string; actions: unknown[] }[] = [];
Object.assign(vscode.window, {
  showErrorMessage: async (message: string, ...actions: unknown[]) => void errors.push({ message, actions }),
});
Object.assign(vscode.workspace, {
  fs: { readFile: async (uri: { fsPath: string }) => fs.readFileSync(uri.fsPath) },
  openTextDocument: async () => ({}),
});

const loaded = () =>
  Object.keys(require.cache)
    .filter((f) => f.startsWith(path.join(root, 'dist') + path.sep))
    .map((f) => path.basename(f))
    .sort();

async function main() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- what VS Code does with `main`
  const extension = require(path.join(root, 'dist/extension.js')) as { activate(c: unknown): unknown };
  extension.activate(vscode.extensionContext(root));
  const atActivation = loaded();
  const ids = (await vscode.commands.getCommands()).filter((id) => id.startsWith('polyaxon.'));
  const before = new Map(ids.map((id) => [id, vscode.commandHandler(id)]));
  if (command) await vscode.commands.executeCommand(command, ...(file ? [vscode.Uri.file(file)] : []));
  await new Promise((r) => setTimeout(r, 0)); // the error message is shown after the command returned
  const replaced = ids.filter((id) => vscode.commandHandler(id) !== before.get(id));
  return { atActivation, loaded: loaded(), commands: ids.sort(), replaced: replaced.sort(), errors };
}

main().then(
  (result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
