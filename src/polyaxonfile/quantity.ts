// Kubernetes resource quantities ("500m", "2.5", "4Gi", "4G"), read as k8s.io/apimachinery reads them
// (pkg/api/resource/quantity.go ParseQuantity, parseQuantityString; suffix.go newSuffixer):
//   <quantity> ::= <signedNumber><suffix>; <number> ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//   <suffix> ::= <binarySI> (Ki Mi Gi Ti Pi Ei) | <decimalSI> (n u m "" k M G T P E) | e<signedNumber> | E<signedNumber>
// Exactly one suffix, no space, case as written ("Gi", not "gi" or "GB"). Values are kept exactly, in nano-units
// rounded up as ParseQuantity rounds (inf.RoundUp to 1n); a quantity may not exceed 2^63-1 in magnitude.

/** A quantity as written and its exact value in billionths (so `500m` CPU is 500_000_000n, `1Ki` is 1024 × 10^9). */
export interface Quantity {
  text: string;
  nanos: bigint;
}

/** A power of `base`: 10^exponent or 2^exponent. */
interface Unit {
  base: 2 | 10;
  exponent: number;
}

/** suffix.go's SI forms: the first suffix is base^first, each next one `step` powers higher. */
const SI_FORMS: { base: 2 | 10; first: number; step: number; suffixes: string[] }[] = [
  { base: 10, first: -9, step: 3, suffixes: ['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'] },
  { base: 2, first: 10, step: 10, suffixes: ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] },
];

const NANO = 1_000_000_000n;
const MAX_NANOS = (2n ** 63n - 1n) * NANO;
/** parseQuantityString: sign, digits, an optional fraction, then suffix letters, an optional sign and digits. */
const SHAPE = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;
const EXAMPLES = 'e.g. 500m, 2 or 2.5 CPUs; 512Mi, 4Gi or 4G of memory';

/** The quantity, or why Kubernetes would refuse it (in words that say what to write instead). */
export function parseQuantity(input: string): Quantity | { problem: string } {
  const text = input.trim();
  const shape = SHAPE.exec(text);
  if (!shape || !/\d/.test(shape[2] + (shape[3] ?? ''))) return { problem: notAQuantity(text) };
  const [, sign, whole, fraction = '', suffix] = shape;
  const unit = unitOf(suffix);
  if (!unit) return { problem: notAQuantity(text) };
  const digits = BigInt(whole + fraction || '0');
  const nanos = scaled(digits, fraction.length, unit);
  if (nanos > MAX_NANOS) return { problem: `'${text}' is too large for Kubernetes (at most 2^63-1).` };
  return { text, nanos: sign === '-' ? -nanos : nanos };
}

function unitOf(suffix: string): Unit | undefined {
  for (const { base, first, step, suffixes } of SI_FORMS) {
    const index = suffixes.indexOf(suffix);
    if (index >= 0) return { base, exponent: first + index * step };
  }
  const exponent = /^[eE]([-+]?\d+)$/.exec(suffix)?.[1];
  return exponent === undefined ? undefined : { base: 10, exponent: Number(exponent) };
}

/** digits × 10^-decimals × unit, in nano-units, rounded up; absurd exponents are capped (they fail the checks anyway). */
function scaled(digits: bigint, decimals: number, unit: Unit): bigint {
  let value = unit.base === 2 ? digits * 2n ** BigInt(unit.exponent) : digits;
  let scale = 9 - decimals + (unit.base === 10 ? unit.exponent : 0);
  if (scale > 40) return digits === 0n ? 0n : MAX_NANOS + 1n;
  if (scale >= 0) return value * 10n ** BigInt(scale);
  scale = Math.min(-scale, 60);
  const divisor = 10n ** BigInt(scale);
  value = (value + divisor - 1n) / divisor;
  return value;
}

/** Names what was wrong: a space, a unit in the wrong case or with a B, or just the wrong shape. */
function notAQuantity(text: string): string {
  if (!text) return `Enter a quantity, ${EXAMPLES}.`;
  const joined = text.replace(/\s+/g, '');
  if (joined !== text && !('problem' in parseQuantity(joined))) {
    return `'${text}' is not a Kubernetes quantity: write it with no space, ${joined}.`;
  }
  const written = /^([+-]?[\d.]+)\s*([a-zA-Z]+)$/.exec(text);
  const unit = written && /^([kmgtpe])(?:i?b|i)$|^([gtp])$/i.exec(written[2]);
  if (written && unit) {
    const letter = (unit[1] ?? unit[2]).toUpperCase();
    const number = written[1];
    return `'${text}' is not a Kubernetes quantity: write ${number}${letter}i (${letter}iB, powers of 1024) or ${number}${letter === 'K' ? 'k' : letter} (powers of 1000), with no space.`;
  }
  return `'${text}' is not a Kubernetes quantity: use a number and at most one unit, ${EXAMPLES}.`;
}
