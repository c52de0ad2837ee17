import * as fs from 'fs';
import * as path from 'path';
import { serviceKindFrom, type ServiceKind } from '../polyaxon/serviceKind';
import { imageInputName } from './launch';
import { parsePolyaxonfile, Polyaxonfile } from './parse';

export interface FoundPolyaxonfile {
  /** Absolute path. */
  file: string;
  /** Relative to the searched root, with `/` separators. */
  relativePath: string;
  kind: ServiceKind;
  polyaxonfile: Polyaxonfile;
}

export type { ServiceKind };

/** Where the AISG project template keeps its services; these are what "Launch Cluster VSCode/Jupyter" mean. */
const PREFERRED = ['aisg-context/polyaxon/polyaxonfiles/vscode-service.yml', 'aisg-context/polyaxon/polyaxonfiles/jupyter-service.yml'];
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * YAML files under any `polyaxonfiles/` folder below `root` whose `run.kind` is `service`, the AISG
 * VS Code and Jupyter files first, then by path. Files that are not valid YAML are left out.
 */
export function findServicePolyaxonfiles(root: string, options: { maxDepth?: number } = {}): FoundPolyaxonfile[] {
  const found: FoundPolyaxonfile[] = [];
  const walk = (dir: string, depth: number, inPolyaxonfiles: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to offer from it
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && depth < (options.maxDepth ?? 6)) {
        walk(full, depth + 1, inPolyaxonfiles || entry.name === 'polyaxonfiles');
      } else if (entry.isFile() && inPolyaxonfiles && /\.ya?ml$/i.test(entry.name)) {
        const polyaxonfile = readService(full);
        if (polyaxonfile) {
          found.push({
            file: full,
            relativePath: path.relative(root, full).split(path.sep).join('/'),
            kind: serviceKindOf(polyaxonfile),
            polyaxonfile,
          });
        }
      }
    }
  };
  walk(root, 0, false);
  const rank = (f: FoundPolyaxonfile) => {
    const i = PREFERRED.findIndex((p) => f.relativePath === p || f.relativePath.endsWith(`/${p}`));
    return i === -1 ? PREFERRED.length : i;
  };
  return found.sort((a, b) => rank(a) - rank(b) || a.relativePath.localeCompare(b.relativePath));
}

function readService(file: string): Polyaxonfile | undefined {
  try {
    const polyaxonfile = parsePolyaxonfile(fs.readFileSync(file, 'utf8'), file);
    return polyaxonfile.runKind === 'service' ? polyaxonfile : undefined;
  } catch {
    return undefined; // not readable or not YAML: not a service we can offer
  }
}

/**
 * VS Code or Jupyter by the same rule as a run's kind (serviceKindFrom); the image is its input's default when
 * the container's image is `{{ INPUT }}`.
 */
export function serviceKindOf(pf: Polyaxonfile): ServiceKind {
  const input = imageInputName(pf);
  const imageDefault = input ? pf.inputs.find((io) => io.name === input)?.value : undefined;
  const image = input ? (typeof imageDefault === 'string' ? imageDefault : '') : (pf.image ?? '');
  return serviceKindFrom({ tags: pf.tags, name: pf.name, image });
}
