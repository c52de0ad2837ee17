// The quantity parser against Kubernetes' own rules: k8s.io/apimachinery pkg/api/resource/quantity.go (the grammar in
// the Quantity doc comment, parseQuantityString, ParseQuantity's RoundUp to 1n) and suffix.go (the suffix table).
import * as assert from 'assert';
import { parseQuantity } from '../../../src/polyaxonfile/quantity';

const G = 1_000_000_000n;

function nanos(text: string): bigint {
  const parsed = parseQuantity(text);
  if ('problem' in parsed) throw new Error(`${text}: ${parsed.problem}`);
  return parsed.nanos;
}

function problem(text: string): string {
  const parsed = parseQuantity(text);
  assert.ok('problem' in parsed, `${text} was accepted`);
  return parsed.problem;
}

describe('polyaxonfile/quantity', () => {
  it('reads the decimal SI suffixes (n u m "" k M G T P E) as powers of ten', () => {
    assert.strictEqual(nanos('500m'), G / 2n);
    assert.strictEqual(nanos('2'), 2n * G);
    assert.strictEqual(nanos('2.5'), (5n * G) / 2n);
    assert.strictEqual(nanos('4G'), 4n * 10n ** 9n * G);
    assert.strictEqual(nanos('3k'), 3000n * G);
    assert.strictEqual(nanos('1u'), 1000n);
    assert.strictEqual(nanos('7n'), 7n);
    assert.strictEqual(nanos('1E'), 10n ** 18n * G);
  });

  it('reads the binary SI suffixes (Ki … Ei) as powers of 1024', () => {
    assert.strictEqual(nanos('512Mi'), 512n * 2n ** 20n * G);
    assert.strictEqual(nanos('4Gi'), 4n * 2n ** 30n * G);
    assert.strictEqual(nanos('1.5Gi'), 3n * 2n ** 29n * G);
    assert.strictEqual(nanos('1Ki'), 1024n * G);
  });

  it('reads decimal exponents, signed numbers and the number forms the grammar allows', () => {
    assert.strictEqual(nanos('1e3'), 1000n * G);
    assert.strictEqual(nanos('1E-3'), G / 1000n);
    assert.strictEqual(nanos('12e+2'), 1200n * G);
    assert.strictEqual(nanos('.5'), G / 2n, '<number> ::= .<digits>');
    assert.strictEqual(nanos('5.'), 5n * G, '<number> ::= <digits>.');
    assert.strictEqual(nanos('1.G'), G * G, 'parseQuantityString: "we currently allow 1.G"');
    assert.strictEqual(nanos('+2'), 2n * G);
    assert.strictEqual(nanos('-1'), -G, 'a valid quantity; the size checks refuse it');
    assert.strictEqual(nanos('0'), 0n);
    assert.strictEqual(nanos(' 4Gi '), 4n * 2n ** 30n * G, 'surrounding blanks are trimmed');
  });

  it('rounds up to 1n as ParseQuantity does (inf.RoundUp)', () => {
    assert.strictEqual(nanos('0.1n'), 1n);
    assert.strictEqual(nanos('1.0000000001'), G + 1n);
  });

  it('refuses anything else, and says what to write', () => {
    assert.match(problem('4 GB'), /write 4Gi .* or 4G .*no space/);
    assert.match(problem('4GB'), /write 4Gi .* or 4G/);
    assert.match(problem('4gi'), /write 4Gi/, 'suffixes are case-sensitive (suffix.go has no "gi")');
    assert.match(problem('4 Gi'), /with no space, 4Gi/);
    assert.match(problem('1e3Gi'), /at most one unit/, 'one suffix only: an exponent or an SI unit');
    assert.match(problem('2 cpus'), /not a Kubernetes quantity/);
    assert.match(problem(''), /Enter a quantity/);
    for (const text of ['.', '-', 'Gi', '1..2', '0x10', '1,5', '2Gi3', '1e', '1e1.5', '∞']) problem(text);
  });

  it('refuses what exceeds 2^63-1', () => {
    assert.match(problem('9Ei'), /too large/);
    assert.match(problem('1e40'), /too large/);
    assert.strictEqual(nanos('7Ei'), 7n * 2n ** 60n * G);
  });
});
