import * as assert from 'assert';
import * as path from 'path';
import { checkParams } from '../../../src/polyaxonfile/params';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { formatProblem, Problem } from '../../../src/polyaxonfile/problems';
import { FIXTURES, readPolyaxonfile } from './helpers';

const FILE = path.join(FIXTURES, 'typed-inputs.yml');
const pf = readPolyaxonfile(FILE);
/** Line of each input's `- name:` in typed-inputs.yml. */
const LINE: Record<string, number> = {
  EPOCHS: 6,
  RATE: 8,
  DEBUG: 12,
  CONFIG: 15,
  LAYERS: 18,
  SIZE: 21,
  DB: 26,
  BUCKET: 29,
  WHEN: 32,
  SEEDS: 35,
  BATCH: 39,
};

/** The single problem for `params` (EPOCHS, the required input, is always given). */
function problemFor(params: Record<string, string>): Problem {
  const problems = checkParams(pf, { EPOCHS: '1', ...params });
  assert.strictEqual(problems.length, 1, problems.map(formatProblem).join('\n'));
  return problems[0];
}

function assertAtInput(problem: Problem, name: string, message: RegExp): void {
  assert.deepStrictEqual([problem.file, problem.line, problem.column, problem.field], [FILE, LINE[name], 5, `params.${name}`]);
  assert.match(problem.message, message);
}

describe('polyaxonfile/params', () => {
  it('accepts values of every type, as -P strings', () => {
    assert.deepStrictEqual(
      checkParams(pf, {
        EPOCHS: '10',
        RATE: '1e-3',
        DEBUG: 'yes',
        CONFIG: '{"a": 1}',
        LAYERS: '64,32',
        SIZE: 'large',
        DB: 'user:pass@db:5432',
        BUCKET: 'gs://bucket/data',
        WHEN: '2024-02-29',
        SEEDS: '[1, 2, 3]',
        BATCH: '32',
      }),
      [],
    );
    assert.deepStrictEqual(checkParams(pf, { EPOCHS: ' 1_000 ', DEBUG: 'OFF', SEEDS: '4,5', RATE: '.5', LAYERS: '[1, 2]' }), []);
    assert.deepStrictEqual(checkParams(pf, { EPOCHS: '2.0' }), [], 'int() falls back to float() when it is whole');
  });

  it('reports an unknown param at `inputs:` with the closest name', () => {
    const problem = problemFor({ EPOCH: '3' });
    assert.deepStrictEqual([problem.line, problem.column, problem.field], [5, 1, 'params.EPOCH']);
    assert.match(problem.message, /unexpected param 'EPOCH'/);
    assert.strictEqual(problem.hint, "did you mean 'EPOCHS'?");
    assert.strictEqual(formatProblem(problem), `${FILE}:5:1: Received unexpected param 'EPOCH' — did you mean 'EPOCHS'?`);
  });

  it('lists the inputs when no name is close', () => {
    assert.match(problemFor({ NOTHING_LIKE_IT: 'x' }).hint, /declares 'EPOCHS', 'RATE', .*'BATCH'/);
  });

  it('reports a missing required input at its definition', () => {
    const problems = checkParams(pf, {});
    assert.strictEqual(problems.length, 1);
    assertAtInput(problems[0], 'EPOCHS', /^Input 'EPOCHS' is required, no param was passed$/);
    assert.match(problems[0].hint, /isOptional: true/);
  });

  const mismatches: [string, string, RegExp][] = [
    ['EPOCHS', 'ten', /whole number/],
    ['EPOCHS', '2.5', /whole number/],
    ['RATE', 'fast', /a number/],
    ['DEBUG', 'maybe', /true or false/],
    ['CONFIG', '[1, 2]', /JSON object/],
    ['CONFIG', 'a=1', /JSON object/],
    ['DB', 'db.example.com', /user:password@host/],
    ['BUCKET', 's3://bucket/data', /gs:\/\//],
    ['WHEN', '2023-02-29', /a date/],
    ['SEEDS', '7', /list of a whole number/],
    ['SEEDS', '1,two', /list of a whole number/],
  ];
  for (const [name, value, expected] of mismatches) {
    it(`reports ${name}=${value} as a type mismatch`, () => {
      const problem = problemFor({ [name]: value });
      assertAtInput(problem, name, new RegExp(`^Cannot convert '${value.replace(/[[\]().]/g, '\\$&')}' to `));
      assert.match(problem.hint, expected);
    });
  }

  it('reports a value outside `options`, listing them', () => {
    const problem = problemFor({ SIZE: 'huge' });
    assertAtInput(problem, 'SIZE', /^The value 'huge' provided for 'SIZE' is not one of the possible values$/);
    assert.strictEqual(problem.hint, "use one of 'small', 'medium', 'large'");
  });

  it('compares options after conversion, like the CLI (16 == "16")', () => {
    assert.deepStrictEqual(checkParams(pf, { EPOCHS: '1', BATCH: '16' }), []);
    assertAtInput(problemFor({ BATCH: '17' }), 'BATCH', /not one of the possible values/);
  });

  it('reports every problem at once', () => {
    const fields = checkParams(pf, { NOPE: '1', RATE: 'x', SIZE: 'huge' }).map((p) => p.field);
    assert.deepStrictEqual(fields, ['params.NOPE', 'params.EPOCHS', 'params.RATE', 'params.SIZE']);
  });

  it('refuses an image Docker would refuse, for the input the container image is templated from', () => {
    const service = parsePolyaxonfile(
      'version: 1.1\nkind: component\ninputs:\n  - {name: IMG, type: str, isOptional: true, value: "a/b:1"}\n' +
        '  - {name: OTHER, type: str, isOptional: true}\nrun:\n  kind: service\n  ports: [8080]\n  container:\n    image: "{{ IMG }}"\n',
      'svc.yml',
    );
    const [problem, ...rest] = checkParams(service, { IMG: 'my image:latest', OTHER: 'my image:latest' });
    assert.strictEqual(rest.length, 0, 'only the image input is an image');
    assert.deepStrictEqual([problem.field, problem.line], ['params.IMG', 4]);
    assert.strictEqual(problem.message, "'my image:latest' is not an image reference: it has a space");
    assert.deepStrictEqual(checkParams(service, { IMG: 'ghcr.io/team/app:1' }), []);
  });
});
