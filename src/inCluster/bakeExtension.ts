// Adds this extension to a VS Code dev image: a build context holding its .vsix and a Dockerfile that copies it to
// where the bundled vscode-service.yml installs extensions from before code-server starts (no network needed).
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packExtension } from './vsixWriter';

export const BAKED_EXTENSIONS_DIR = '/opt/polyaxon/vscode-extensions/';
export const BAKED_VSIX = 'polyaxon-dev-environments.vsix';

/** The Dockerfile that adds the .vsix next to it to `image`, a name checkImageName accepted (no spaces, no newlines). */
export function bakeDockerfile(image: string): string {
  return `FROM ${image}\nCOPY ${BAKED_VSIX} ${BAKED_EXTENSIONS_DIR}\n`;
}

/** A new temporary folder with the Dockerfile and the .vsix of the extension installed in `extensionRoot`; the caller removes it. */
export async function writeBakeContext(extensionRoot: string, image: string): Promise<string> {
  const vsix = await packExtension(extensionRoot);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyaxon-bake-'));
  try {
    await fs.writeFile(path.join(dir, BAKED_VSIX), vsix, { mode: 0o644 });
    await fs.writeFile(path.join(dir, 'Dockerfile'), bakeDockerfile(image), { mode: 0o644 });
    return dir;
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
}
