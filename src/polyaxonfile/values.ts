// Polyaxon's typed value parser (polyaxon/polyaxon@v1.11.3 core/polyaxon/parser/parser.py, TYPE_MAPPING),
// used by the CLI on `-P NAME=value` strings and on the defaults written in a polyaxonfile.
import { isRecord } from './parse';

interface TypeRule {
  /** For messages: what a valid value looks like. */
  expected: string;
  /** The converted value, or undefined when Polyaxon would raise "Cannot convert value". */
  convert(value: unknown): { value: unknown } | undefined;
}

const ok = (value: unknown) => ({ value });
const jsonObject = (value: unknown) => (isRecord(value) ? ok(value) : typeof value === 'string' ? parseJsonObject(value) : undefined);

// Python's int()/float() literals: surrounding spaces and digit-group underscores allowed.
const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_LITERAL = new RegExp(String.raw`^\s*[+-]?${DIGITS}\s*$`);
const FLOAT_LITERAL = new RegExp(
  String.raw`^\s*[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)\s*$`,
  'i',
);
const pyFloat = (s: string) =>
  FLOAT_LITERAL.test(s)
    ? Number(
        s
          .trim()
          .replace(/_/g, '')
          .replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'),
      )
    : undefined;

const TRUE_WORDS = ['y', 'yes', 't', 'true', 'on', '1'];
const FALSE_WORDS = ['n', 'no', 'f', 'false', 'off', '0'];

// marshmallow 3 (fields.Date / fields.DateTime) ISO formats.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATETIME = /^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d{1,6}\d{0,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

const float: TypeRule = {
  expected: 'a number, e.g. 0.5',
  convert: (v) =>
    typeof v === 'number' || typeof v === 'boolean'
      ? ok(Number(v))
      : typeof v === 'string' && pyFloat(v) !== undefined
        ? ok(pyFloat(v))
        : undefined,
};
// parse_string: numbers, bools, lists and dicts become their JSON text.
const string: TypeRule = {
  expected: 'a text',
  convert: (v) => (typeof v === 'string' ? ok(v) : v instanceof Date ? undefined : ok(JSON.stringify(v))),
};
const dict: TypeRule = { expected: 'a JSON object, e.g. {"key": "value"}', convert: jsonObject };
const structured = (what: string): TypeRule => ({ expected: `a JSON object describing the ${what}`, convert: jsonObject });

const TYPE_RULES: Readonly<Record<string, TypeRule>> = {
  any: { expected: 'any value', convert: ok },
  int: {
    expected: 'a whole number, e.g. 8',
    convert: (v) => {
      if (typeof v === 'boolean') return ok(Number(v)); // a Python bool is an int
      const n =
        typeof v === 'number' ? v : typeof v === 'string' ? (INT_LITERAL.test(v) ? Number(v.replace(/_/g, '')) : pyFloat(v)) : undefined;
      return n !== undefined && Number.isInteger(n) ? ok(n) : undefined;
    },
  },
  float,
  metric: float,
  bool: {
    expected: 'true or false (also yes/no, on/off, 1/0)',
    // bool(strtobool(value)) on strings (polyaxon/utils/bool_utils.py); numbers are refused.
    convert: (v) => {
      if (typeof v === 'boolean') return ok(v);
      const word = typeof v === 'string' ? v.toLowerCase() : undefined;
      return word === undefined ? undefined : TRUE_WORDS.includes(word) ? ok(true) : FALSE_WORDS.includes(word) ? ok(false) : undefined;
    },
  },
  str: string,
  path: string,
  dict,
  metadata: dict,
  dict_of_dicts: {
    expected: 'a JSON object whose values are objects, e.g. {"a": {"x": 1}}',
    convert: (v) => {
      const parsed = jsonObject(v);
      return parsed && Object.values(parsed.value as object).every(isRecord) ? parsed : undefined;
    },
  },
  // get_list splits a string on commas and keeps the non-empty parts: any text is a list.
  list: {
    expected: 'a comma-separated list, e.g. a,b,c',
    convert: (v) =>
      Array.isArray(v)
        ? ok(v)
        : typeof v === 'string'
          ? ok(
              v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          : undefined,
  },
  uri: {
    expected: "'user:password@host' or a JSON object",
    convert: (v) => jsonObject(v) ?? (typeof v === 'string' && /^[^@:]*:[^@:]*@[^@]*$/.test(v) ? ok(v) : undefined),
  },
  auth: {
    expected: "'user:password' or a JSON object",
    convert: (v) => jsonObject(v) ?? (typeof v === 'string' && /^[^:]*:[^:]*$/.test(v) ? ok(v) : undefined),
  },
  gcs: { expected: 'a gs://bucket/path URL', convert: (v) => urlOrObject(v, /^gs:\/\/[^/?#]/i) },
  s3: { expected: 'an s3://bucket/key URL', convert: (v) => urlOrObject(v, /^(?:[a-z][a-z\d+.-]*:)?\/\/[^/?#]/i) },
  wasb: {
    expected: 'a wasbs://container@account.blob.core.windows.net/path URL',
    convert: (v) => urlOrObject(v, /^wasbs:\/\/[^@/?#]+@[^./?#]+\.blob\.core\.windows\.net/i),
  },
  date: {
    expected: 'a date, e.g. 2024-01-31',
    convert: (v) => {
      if (v instanceof Date) return ok(v);
      const [, year, month, day] = (typeof v === 'string' && ISO_DATE.exec(v)) || [];
      if (day === undefined) return undefined;
      const date = new Date(Date.UTC(+year, +month - 1, +day));
      return date.getUTCMonth() === +month - 1 && date.getUTCDate() === +day ? ok(v) : undefined;
    },
  },
  datetime: {
    expected: 'an ISO date-time, e.g. 2024-01-31T12:00:00Z',
    convert: (v) => (v instanceof Date || (typeof v === 'string' && ISO_DATETIME.test(v)) ? ok(v) : undefined),
  },
  uuid: {
    expected: 'a UUID, e.g. 8f4b2c1e9d7a4e6b8c3f1a2b3c4d5e6f',
    // uuid.UUID(): optional urn:uuid: prefix and braces, dashes anywhere, 32 hex digits.
    convert: (v) =>
      typeof v === 'string' &&
      /^[\da-f]{32}$/i.test(
        v
          .replace(/^urn:/i, '')
          .replace(/^uuid:/i, '')
          .replace(/^\{|\}$/g, '')
          .replace(/-/g, ''),
      )
        ? ok(v)
        : undefined,
  },
  // An image is a plain name; the legacy JSON form must carry `name`.
  image: {
    expected: 'an image name, e.g. python:3.11',
    convert: (v) => {
      const object = isRecord(v) ? v : typeof v === 'string' ? parseJsonObject(v)?.value : undefined;
      return object === undefined
        ? typeof v === 'string'
          ? ok(v)
          : undefined
        : isRecord(object) && 'name' in object
          ? ok(object.name)
          : undefined;
    },
  },
  dockerfile: structured('dockerfile'),
  git: structured('git repository'),
  event: structured('event'),
  artifacts: structured('artifacts'),
};

/** Polyaxon's input/output types (core/polyaxon/types.py VALUES). */
export const IO_TYPES = Object.keys(TYPE_RULES);

export type ValueError = { kind: 'type'; expected: string } | { kind: 'options' };

/**
 * Checks `value` (a `-P` string or a default from the file) like `V1IO.validate_value`:
 * converts it to `type` (or to a list of it when `isList`), then requires the result to be one of `options`.
 */
export function checkValue(io: { type?: string; isList: boolean; options?: unknown[] }, value: unknown): ValueError | undefined {
  const rule = io.type === undefined ? undefined : TYPE_RULES[io.type];
  if (rule === undefined) return undefined; // untyped inputs take anything
  // `any`, `list` and `dict_of_dicts` ignore isList in parser.py.
  const converted = io.isList && !['any', 'list', 'dict_of_dicts'].includes(io.type!) ? convertList(rule, value) : rule.convert(value);
  if (converted === undefined) {
    return { kind: 'type', expected: io.isList ? `a JSON list or a comma-separated list of ${rule.expected}` : rule.expected };
  }
  // _check_options compares the converted value with Python's `in`, i.e. ==.
  if (io.options?.length && !io.options.some((option) => pyEquals(option, converted.value))) return { kind: 'options' };
  return undefined;
}

/** `_get_typed_list_value`: a JSON list, else a comma list of at least two items, then each item converted. */
function convertList(rule: TypeRule, value: unknown): { value: unknown } | undefined {
  let items: unknown[] | undefined;
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') {
    const parsed = parseJson(value);
    if (parsed) items = Array.isArray(parsed.value) ? parsed.value : undefined;
    else {
      const parts = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      items = parts.length > 1 ? parts : undefined;
    }
  }
  if (items === undefined) return undefined;
  const converted = items.map((item) => (item === null ? undefined : rule.convert(item)));
  return converted.every((c) => c !== undefined) ? ok(converted.map((c) => c.value)) : undefined;
}

function urlOrObject(value: unknown, url: RegExp) {
  return isRecord(value) ? ok(value) : typeof value === 'string' && url.test(value) ? ok(value) : undefined;
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return ok(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function parseJsonObject(text: string) {
  const parsed = parseJson(text);
  return parsed && isRecord(parsed.value) ? parsed : undefined;
}

/** Python `==` for the values a polyaxonfile can hold: 1 == 1.0 == True, lists and dicts by content. */
function pyEquals(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown) => typeof v === 'number' || typeof v === 'boolean';
  if (scalar(a) && scalar(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEquals(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && pyEquals(a[k], b[k]));
  }
  return a === b;
}
