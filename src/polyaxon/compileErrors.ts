// Polyaxon's compile errors in plain words. A run that names something the cluster does not have fails with
// `SchedulerPrepare` and the compiler's raw text (polyaxon v1.11.3 polyaxon/polypod/compiler/resolver/base.py
// _resolve_connections), recorded as:
//   "Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: `{'no-such-connection'}`"

export interface CompileProblem {
  /** One sentence for the user, e.g. "this cluster has no connection 'no-such-connection'". */
  text: string;
  /** The polyaxonfile is where to fix it (its run.connections, its params). */
  fixInPolyaxonfile: boolean;
}

const MISSING_CONNECTIONS = /Connection refs were provided but were not found in the agent\.connections catalog:\s*`?\{([^}]*)\}`?/i;

/** The compiler's text translated, or undefined when it is not a compile error this knows. */
export function translateCompileError(raw: string | null | undefined): CompileProblem | undefined {
  if (!raw) return undefined;
  const missing = MISSING_CONNECTIONS.exec(raw);
  if (missing) {
    const names = [...missing[1].matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
    const list = names.length ? names.map((n) => `'${n}'`).join(', ') : 'it names';
    const noun = names.length > 1 ? 'connections' : 'connection';
    return {
      text:
        `this cluster has no ${noun} ${list}: remove ${names.length > 1 ? 'them' : 'it'} from run.connections in the polyaxonfile, ` +
        "or ask the cluster admin to add it to the agent's connections",
      fixInPolyaxonfile: true,
    };
  }
  return undefined;
}
