// YAML features a polyaxonfile may use, and those it must not: what the CLI's safe loader refuses, and resource bombs.
import * as assert from 'assert';
import { loadServicePolyaxonfile } from '../../../src/polyaxonfile/check';
import { parsePolyaxonfile } from '../../../src/polyaxonfile/parse';
import { formatProblem, PolyaxonfileError } from '../../../src/polyaxonfile/problems';

const SERVICE = 'version: 1.1\nkind: component\nrun:\n  kind: service\n  ports: [8080]\n  container:\n    image: foo\n';

/** The problems a parse throws, as `file:line:column: message — hint`. */
function refusal(text: string): string[] {
  try {
    parsePolyaxonfile(text, 'inline.yml');
  } catch (e) {
    if (e instanceof PolyaxonfileError) return e.problems.map(formatProblem);
    throw e;
  }
  assert.fail('the file was accepted');
}

describe('polyaxonfile YAML limits', () => {
  it('accepts a normal file that uses one anchor more than 100 times', () => {
    const uses = Array.from({ length: 150 }, (_, i) => `  - name: IN_${i}\n    type: str\n    isOptional: true\n    value: *workdir`).join(
      '\n',
    );
    const pf = loadServicePolyaxonfile(`description: &workdir /polyaxon-v1-data\n${SERVICE}inputs:\n${uses}\n`, 'inline.yml');
    assert.strictEqual(pf.inputs.length, 150);
    assert.strictEqual(pf.inputs[149].value, '/polyaxon-v1-data');
  });

  it('refuses a "billion laughs" file, at the alias that blows up', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problems = refusal(`${levels.join('\n')}\n`);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /^inline\.yml:\d+:\d+: YAML aliases here expand to more than 100,000 values/);
    const line = Number(problems[0].split(':')[1]);
    assert.ok(line >= 6 && line <= 9, `points at a nested alias line: ${problems[0]}`);
  });

  it("refuses unknown tags, as the CLI's safe loader does, with file:line", () => {
    assert.deepStrictEqual(refusal(`${SERVICE}description: !env HOME\n`), [
      "inline.yml:8:14: Unresolved tag: !env: the Polyaxon CLI's safe YAML loader refuses it — remove the tag and write the value itself",
    ]);
    assert.match(
      refusal(`${SERVICE}name: !!js/function "function () {}"\n`)[0],
      /^inline\.yml:8:7: Unresolved tag: tag:yaml\.org,2002:js\/function/,
    );
  });

  it('accepts the tags of YAML 1.1 that the safe loader knows', () => {
    const pf = parsePolyaxonfile(`${SERVICE}description: !!str 123\ntags: !!seq [a]\n`, 'inline.yml');
    assert.strictEqual(pf.description, '123');
  });

  it('refuses a file over 1 MB before parsing it', () => {
    // Broken YAML on the first line: had it been parsed, the problem would be a syntax error.
    const problems = refusal(`: [\n${'#'.repeat(1024 * 1024)}\n`);
    assert.deepStrictEqual(problems, [
      'inline.yml:1:1: The file is 1.0 MB; polyaxonfiles over 1 MB are not read — a polyaxonfile is a few KB: is this the right file?',
    ]);
  });

  it('refuses a recursive alias without hanging', () => {
    assert.ok(refusal('a: &a [*a]\n').length >= 1);
  });
});
