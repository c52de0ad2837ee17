import { constants, promises as fs } from 'fs';

/** Creates `dir` (and its parents) and checks it is writable; returns why not, or undefined when it is ready. */
export async function ensureWritableDir(dir: string): Promise<string | undefined> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, constants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EROFS') return 'the volume is read-only';
    if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way';
    return (err as Error).message;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
