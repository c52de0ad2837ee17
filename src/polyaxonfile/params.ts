// The params check the Polyaxon CLI runs before it sends a run (polyaxon/polyaxon@v1.11.3
// polyflow/params/ops_params.py validate_params). The server does not check them at creation: a bad param
// only shows later as a failed compile, so this is the last chance to tell the user.
import { imageReferenceProblem } from './imageReference';
import { imageInputName } from './launch';
import { IO, Polyaxonfile } from './parse';
import { Problem, suggest } from './problems';
import { checkValue } from './values';

/** Params as `polyaxon run -P NAME=value` gives them: always strings. */
export type Params = Readonly<Record<string, string>>;

/** Every problem with `params` for `pf`, each placed at the input it concerns. */
export function checkParams(pf: Polyaxonfile, params: Params): Problem[] {
  const problems: Problem[] = [];
  const ios = [...pf.inputs, ...pf.outputs];
  const names = ios.map((io) => io.name).filter(Boolean);
  const at = (io: IO | undefined, name: string, message: string, hint: string) => {
    const position = io ? io.position : pf.locate(pf.inputs.length ? ['inputs'] : [], 'key');
    problems.push({ file: pf.file, ...position, field: `params.${name}`, message, hint });
  };

  for (const name of Object.keys(params)) {
    if (names.includes(name)) continue;
    const hint =
      suggest(name, names) ||
      (names.length
        ? `the polyaxonfile declares ${names.map((n) => `'${n}'`).join(', ')}`
        : 'the polyaxonfile declares no inputs; remove the param');
    at(undefined, name, `Received unexpected param '${name}'`, hint);
  }

  const image = imageInputName(pf);
  for (const io of ios) {
    if (!io.name) continue;
    if (!Object.prototype.hasOwnProperty.call(params, io.name)) {
      // Outputs are never required (ops_params.py validates only the outputs that are passed).
      if (io.section === 'inputs' && !io.isOptional && !io.delayValidation) {
        at(
          io,
          io.name,
          `Input '${io.name}' is required, no param was passed`,
          `give a value for ${io.name}, or make it optional in the polyaxonfile ('isOptional: true' with a 'value')`,
        );
      }
      continue;
    }
    const value = params[io.name];
    const error = checkValue(io, value);
    if (error?.kind === 'type') {
      at(
        io,
        io.name,
        `Cannot convert '${value}' to '${io.isList ? `list of ${io.type}` : io.type}' for '${io.name}'`,
        `give ${error.expected}`,
      );
    } else if (error?.kind === 'options') {
      at(
        io,
        io.name,
        `The value '${value}' provided for '${io.name}' is not one of the possible values`,
        `use one of ${io.options!.map((o) => `'${typeof o === 'string' ? o : JSON.stringify(o)}'`).join(', ')}`,
      );
    } else if (io.name === image) {
      // The server would accept it and the pod would sit in ImagePullBackOff (or InvalidImageName).
      const problem = imageReferenceProblem(value);
      if (problem) at(io, io.name, problem, 'e.g. codercom/code-server:4.23.1 or registry.example.com/team/image:tag');
    }
  }
  return problems;
}
