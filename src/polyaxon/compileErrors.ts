// Polyaxon's compile errors in plain words. A run that names something the cluster or its component does not have
// is created (201), then failed by the scheduler within milliseconds with `SchedulerPrepare` and the compiler's raw
// text (polyaxon v1.11.3 polyaxon/polypod/compiler/resolver/base.py _resolve_connections, and the params check of
// polyaxon/polyflow/operations/compiled_operation.py). Recorded on v1.11.3 and v2.5.2 as:
//   "Failed to compile.\nSome Connection refs were provided but were not found in the agent.connections catalog: `{'no-such-connection'}`"
//   "Failed to compile.\nCompilation Error: Received unexpected params `{'NOT_AN_INPUT'}`"
// (v2 writes "Some connection refs", lowercase).

export interface CompileProblem {
  /** One sentence for the user, e.g. "this cluster has no connection 'no-such-connection': remove it …". */
  text: string;
  /** A few words for a tree row: "no connection 'no-such-connection'". */
  short: string;
  /** Where in the polyaxonfile it is fixed (the cursor goes as deep along this path as the file has keys). */
  fixAt: readonly string[];
}

const MISSING_CONNECTIONS = /Connection refs were provided but were not found in the agent\.connections catalog:\s*`?\{([^}]*)\}`?/i;
/** Any other compile failure: the scheduler's prefix, then the compiler's words. */
const COMPILE_FAILED = /^\s*Failed to compile\.?\s*([\s\S]*)$/i;
const UNEXPECTED_PARAMS = /Received unexpected params\s*`?\{([^}]*)\}`?/i;

/** `'a', 'b'` (a Python set's items) → ['a', 'b']. */
function pythonSetItems(items: string): string[] {
  return [...items.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
}

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/** The compiler's text translated, or undefined when it is not a compile error this knows. */
export function translateCompileError(raw: string | null | undefined): CompileProblem | undefined {
  if (!raw) return undefined;
  const missing = MISSING_CONNECTIONS.exec(raw);
  if (missing) {
    const names = pythonSetItems(missing[1]);
    const list = names.length ? quoted(names) : 'it names';
    const noun = names.length > 1 ? 'connections' : 'connection';
    return {
      text:
        `this cluster has no ${noun} ${list}: remove ${names.length > 1 ? 'them' : 'it'} from run.connections in the polyaxonfile, ` +
        "or ask the cluster admin to add it to the agent's connections",
      short: `no ${noun} ${list}`,
      fixAt: ['run', 'connections'],
    };
  }
  const unexpected = UNEXPECTED_PARAMS.exec(raw);
  if (unexpected) {
    const names = pythonSetItems(unexpected[1]);
    const list = names.length ? quoted(names) : 'it was given';
    const noun = names.length > 1 ? 'params' : 'param';
    return {
      text:
        `the polyaxonfile's component has no input for the ${noun} ${list}: remove ${names.length > 1 ? 'them' : 'it'} from params, ` +
        "or declare it under the component's inputs",
      short: `unexpected ${noun} ${list}`,
      fixAt: names.length ? ['params', names[0]] : ['params'],
    };
  }
  const other = COMPILE_FAILED.exec(raw);
  if (other) {
    const said = other[1].replace(/\s+/g, ' ').trim();
    return {
      text: `Polyaxon could not compile the polyaxonfile${said ? ` (it says: ${said})` : ''}`,
      short: 'the polyaxonfile did not compile',
      fixAt: [],
    };
  }
  return undefined;
}
