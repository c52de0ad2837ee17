// Which polyaxonfile a launch uses. No VS Code API: the caller passes settings, trust and file access,
// so the order below is unit-tested.
import * as path from 'path';

export type LaunchKind = 'vscode' | 'jupyter';

export type PolyaxonfileSource = 'argument' | 'setting' | 'workspace' | 'bundled';

export interface PolyaxonfileChoice {
  path: string;
  source: PolyaxonfileSource;
  /** From the workspace: every service polyaxonfile of the kind, `path` first; more than one means the user picks. */
  candidates?: string[];
}

export interface ChoiceInputs {
  kind: LaunchKind;
  /** From the command's arguments. */
  explicit?: string;
  /** `polyaxon.polyaxonfiles.<kind>`. */
  setting?: string;
  workspaceRoots: readonly string[];
  /** Files in an untrusted workspace are never used: a polyaxonfile decides what runs on the cluster. */
  trusted: boolean;
  /** The extension's own `polyaxonfiles/` folder. */
  bundledDir: string;
}

export interface ChoiceFiles {
  exists(file: string): Promise<boolean>;
  /** Service polyaxonfiles under `root` with the kind each one is for. */
  findServiceFiles(root: string): Promise<ReadonlyArray<{ path: string; kind: string }>>;
}

/** Where the AISG cookiecutter puts them (API.md §5). */
export function conventionalPath(root: string, kind: LaunchKind): string {
  return path.join(root, 'aisg-context', 'polyaxon', 'polyaxonfiles', `${kind}-service.yml`);
}

/** The argument, then the setting, then the user's own files in a trusted workspace, then the bundled file. */
export async function choosePolyaxonfile(inputs: ChoiceInputs, files: ChoiceFiles): Promise<PolyaxonfileChoice> {
  const given: Array<[string | undefined, PolyaxonfileSource, string]> = [
    [inputs.explicit, 'argument', 'the command argument "polyaxonfile"'],
    [inputs.setting, 'setting', `the setting polyaxon.polyaxonfiles.${inputs.kind}`],
  ];
  for (const [value, source, origin] of given) {
    if (!value?.trim()) continue;
    const file = resolveAgainst(value.trim(), inputs.workspaceRoots[0], inputs.trusted, origin);
    if (!(await files.exists(file))) {
      throw new Error(`The polyaxonfile ${file} (from ${origin}) does not exist. Fix the path or clear it to use the default.`);
    }
    return { path: file, source };
  }
  if (inputs.trusted) {
    const candidates: string[] = [];
    for (const root of inputs.workspaceRoots) {
      const file = conventionalPath(root, inputs.kind);
      if (await files.exists(file)) candidates.push(file);
    }
    for (const root of inputs.workspaceRoots) {
      const found = (await files.findServiceFiles(root))
        .filter((f) => f.kind === inputs.kind && isUnderPolyaxonfilesFolder(f.path))
        .map((f) => f.path)
        .sort();
      candidates.push(...found.filter((f) => !candidates.includes(f)));
    }
    // The AISG file first, then by path; the caller asks when there is more than one.
    if (candidates.length) return { path: candidates[0], source: 'workspace', candidates };
  }
  return { path: path.join(inputs.bundledDir, `${inputs.kind}-service.yml`), source: 'bundled' };
}

/** A relative path means a file of the workspace, so it is only used when the workspace is trusted. */
function resolveAgainst(file: string, root: string | undefined, trusted: boolean, origin: string): string {
  if (path.isAbsolute(file) || !root) return file;
  if (!trusted) {
    throw new Error(
      `The polyaxonfile "${file}" (from ${origin}) is relative to the workspace, whose files are not used while it is not trusted. Use an absolute path, or trust the workspace (Workspaces: Manage Workspace Trust).`,
    );
  }
  return path.join(root, file);
}

function isUnderPolyaxonfilesFolder(file: string): boolean {
  return file.split(/[\\/]/).slice(0, -1).includes('polyaxonfiles');
}
