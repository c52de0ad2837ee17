// `-P NAME=value` params for one service polyaxonfile with typed inputs. Values are drawn from pools whose validity
// follows from Polyaxon's parser rules (core/polyaxon/parser/parser.py), not from the product's checker.
import { DIGITS, LOWER, NEWLINES, Prng, SHELL, UNICODE } from './prng';

export const PARAMS_POLYAXONFILE = `version: 1.1
kind: component
name: fuzz-service
inputs:
  - name: TEXT
    type: str
    isOptional: true
  - name: COUNT
    type: int
    isOptional: true
  - name: RATE
    type: float
    isOptional: true
  - name: DEBUG
    type: bool
    isOptional: true
  - name: SIZE
    type: str
    isOptional: true
    value: small
    options: [small, large]
  - name: IMAGE
    type: str
run:
  kind: service
  ports: [8080]
  container:
    image: "{{ IMAGE }}"
`;

export interface ParamsCase {
  params: Record<string, string>;
  /** `params.NAME` fields the error must report; empty when the params are valid. */
  wrongFields: string[];
}

type Pool = { valid: (rng: Prng) => string; invalid: (rng: Prng) => string };

/** Any text: newlines, shell metacharacters, unicode (astral, zero-width, bidi override), and huge values. */
function anyText(rng: Prng): string {
  const alphabet = rng.pick([LOWER + DIGITS, SHELL, UNICODE, NEWLINES + LOWER, LOWER + SHELL + UNICODE + NEWLINES]);
  const length = rng.chance(0.03) ? rng.int(100_000, 300_000) : rng.int(0, 60);
  return rng.text(alphabet, length);
}

const POOLS: Record<string, Pool> = {
  TEXT: { valid: anyText, invalid: anyText },
  IMAGE: { valid: (rng) => `${rng.text(LOWER, rng.int(1, 20))}:${rng.text(LOWER + DIGITS, rng.int(1, 8))}`, invalid: anyText },
  COUNT: {
    valid: (rng) => rng.pick([String(rng.int(-1e6, 1e6)), `${rng.int(1, 9)}_000`, ` ${rng.int(0, 99)} `, '0']),
    invalid: (rng) => rng.pick(['', 'abc', '1.5', '4a2', '12\n3', '$(echo 1)', `${rng.int(1, 9)}e`, '0x10', rng.text(SHELL, 5)]),
  },
  RATE: {
    valid: (rng) => rng.pick([String(rng.next()), `${rng.int(-50, 50)}`, '1e-3', '.5', 'inf', '-Infinity', 'nan']),
    invalid: (rng) => rng.pick(['', '1,5', 'abc', '0x10', '1e', '--1', rng.text(UNICODE, 3), '1.2.3']),
  },
  DEBUG: {
    valid: (rng) => rng.pick(['true', 'False', 'YES', 'no', 'on', 'Off', '1', '0', 't', 'n']),
    invalid: (rng) => rng.pick(['', 'maybe', '2', 'yes please', 'tru', '\ntrue', rng.text(UNICODE, 2)]),
  },
  SIZE: {
    valid: (rng) => rng.pick(['small', 'large']),
    invalid: (rng) => rng.pick(['Small', 'medium', ' small', '', rng.text(LOWER, 4)]),
  },
};

export function paramsCase(rng: Prng): ParamsCase {
  const params: Record<string, string> = {};
  const wrongFields: string[] = [];
  const names = rng.sample(['TEXT', 'COUNT', 'RATE', 'DEBUG', 'SIZE'], rng.int(0, 5));
  if (!rng.chance(0.08)) names.push('IMAGE');
  else wrongFields.push('params.IMAGE'); // required and missing
  for (const name of names) {
    const wrong = name !== 'TEXT' && name !== 'IMAGE' && rng.chance(0.3);
    params[name] = wrong ? POOLS[name].invalid(rng) : POOLS[name].valid(rng);
    // A random word that happens to be an option is valid after all.
    if (wrong && !(name === 'SIZE' && ['small', 'large'].includes(params[name]))) wrongFields.push(`params.${name}`);
  }
  if (rng.chance(0.1)) {
    const unknown = rng.pick([`X${rng.text(LOWER, 4)}`, 'TEXTS', 'count', `${rng.text(SHELL, 3)}`, rng.text(UNICODE, 2)]);
    params[unknown] = anyText(rng);
    wrongFields.push(`params.${unknown}`);
  }
  return { params, wrongFields };
}
