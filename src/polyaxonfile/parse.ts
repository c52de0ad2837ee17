import type * as Yaml from 'yaml';
import type { Document, Tags } from 'yaml';
import { PolyaxonfileError, Position, Problem } from './problems';

/**
 * The yaml library, loaded by the first polyaxonfile rather than at activation. A call-time require stays lazy in
 * the esbuild bundle (the module is wrapped and evaluated on first call); Node caches it after that.
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, and deferred on purpose
  return require('yaml') as typeof Yaml;
}

/** An entry of `inputs` or `outputs`, typed best-effort (check.ts reports what is malformed). */
export interface IO {
  section: 'inputs' | 'outputs';
  index: number;
  /** '' when missing. */
  name: string;
  type?: string;
  description?: string;
  /** The default (`value:` in the file). */
  value?: unknown;
  isOptional: boolean;
  isList: boolean;
  isFlag: boolean;
  delayValidation: boolean;
  options?: unknown[];
  /** Where the entry starts, e.g. its `name:`. */
  position: Position;
}

export interface Polyaxonfile {
  file: string;
  version: unknown;
  kind: unknown;
  name?: string;
  description?: string;
  tags: string[];
  inputs: IO[];
  outputs: IO[];
  /** `run.kind`, e.g. `service` or `job`; launch commands need `service`. */
  runKind?: string;
  /** Container ports of a service (`run.ports`). */
  ports: number[];
  rewritePath: boolean;
  /** `run.container.image` as written, maybe a template like `{{ DOCKER_IMAGE }}`. */
  image?: string;
  /** The whole file as plain data, read with YAML 1.1 rules like the CLI's PyYAML (`yes` is true). */
  data: unknown;
  /** Position of the value (or key) at `path`, or of its nearest parent that exists. */
  locate(path: readonly (string | number)[], of?: 'value' | 'key'): Position;
}

/** Reads a polyaxonfile; throws PolyaxonfileError only for YAML syntax errors (see check.ts for the rest). */
export function parsePolyaxonfile(text: string, file: string): Polyaxonfile {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_POLYAXONFILE_BYTES) {
    throw new PolyaxonfileError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message: `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; polyaxonfiles over 1 MB are not read`,
        hint: 'a polyaxonfile is a few KB: is this the right file?',
      },
    ]);
  }
  const { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, customTags: pyYamlBooleans });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const yamlProblem = (
    e: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] },
    message: string,
    hint: string,
  ): Problem => {
    const [line, column] = e.linePos ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    return { file, line, column, field: '', message, hint };
  };
  if (doc.errors.length) {
    throw new PolyaxonfileError(
      doc.errors.map((e) => yamlProblem(e, `YAML syntax error: ${e.message.split('\n')[0]}`, 'fix the YAML at this position')),
    );
  }
  // The CLI reads with PyYAML's safe loader, which refuses tags it does not know (`!env`, `!!js/function`, `!!python/…`).
  const unknownTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTags.length) {
    throw new PolyaxonfileError(
      unknownTags.map((w) =>
        yamlProblem(
          w,
          `${w.message.split(' at line')[0]}: the Polyaxon CLI's safe YAML loader refuses it`,
          'remove the tag and write the value itself',
        ),
      ),
    );
  }
  const bomb = aliasBomb(doc);
  if (bomb !== undefined) {
    throw new PolyaxonfileError([
      {
        file,
        ...at(bomb),
        field: '',
        message: `YAML aliases here expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values, as a "billion laughs" file does`,
        hint: 'write the values out, or use fewer nested aliases',
      },
    ]);
  }
  const locate = (path: readonly (string | number)[], of: 'value' | 'key' = 'value'): Position => {
    let node: unknown = doc.contents;
    let position = isNode(node) && node.range ? at(node.range[0]) : { line: 1, column: 1 };
    for (const key of path) {
      const item = isMap(node)
        ? node.items.find((p) => isScalar(p.key) && p.key.value === key)
        : isSeq(node) && typeof key === 'number'
          ? node.items[key]
          : undefined;
      if (item === undefined) break;
      // An empty value (`description:`) has no node of its own: point at its key.
      const target = isPair(item) ? (of === 'value' && isNode(item.value) && item.value.range ? item.value : item.key) : item;
      if (isNode(target) && target.range) position = at(target.range[0]);
      node = isPair(item) ? item.value : item;
    }
    return position;
  };

  // aliasBomb bounded the expansion; the yaml library's own limit (100 uses of an alias) refuses normal files.
  const data: unknown = doc.toJS({ maxAliasCount: -1 });
  const top = asRecord(data);
  const run = asRecord(top.run);
  const container = asRecord(run.container);
  return {
    file,
    version: top.version,
    kind: top.kind,
    name: asString(top.name),
    description: asString(top.description),
    tags: Array.isArray(top.tags) ? top.tags.filter((t): t is string => typeof t === 'string') : [],
    inputs: readIOs(top, 'inputs', locate),
    outputs: readIOs(top, 'outputs', locate),
    runKind: asString(run.kind),
    ports: Array.isArray(run.ports) ? (run.ports as unknown[]).filter((p): p is number => Number.isInteger(p)) : [],
    rewritePath: isTrue(run.rewritePath),
    image: asString(container.image),
    data,
    locate,
  };
}

const MAX_POLYAXONFILE_BYTES = 1024 * 1024;
/** Values in the document once every alias is expanded; a real polyaxonfile has a few hundred. */
const MAX_EXPANDED_NODES = 100_000;

/** The offset of the alias at which the expanded document grows past MAX_EXPANDED_NODES, if it does. */
function aliasBomb(doc: Document): number | undefined {
  const { isAlias, isMap, isSeq } = yaml();
  const sizes = new Map<unknown, number>();
  const expanding = new Set<unknown>();
  let total = 0;
  let at: number | undefined;
  const size = (node: unknown, counting: boolean): number => {
    if (at !== undefined) return 0;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (expanding.has(target)) {
        // An alias inside its own anchor (`&a [*a]`) expands without end.
        at = node.range?.[0] ?? 0;
        return 0;
      }
      let n = sizes.get(target);
      if (n === undefined) {
        expanding.add(target);
        n = size(target, false);
        expanding.delete(target);
        sizes.set(target, n);
      }
      if (counting) {
        total += n;
        if (total > MAX_EXPANDED_NODES) at = node.range?.[0] ?? 0;
      }
      return n;
    }
    let n = 1;
    if (counting) total++;
    const children = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
    for (const child of children) {
      n += size(child, counting);
      if (n > MAX_EXPANDED_NODES && at === undefined && !counting) return n;
    }
    return n;
  };
  size(doc.contents, true);
  return at;
}

// The CLI reads polyaxonfiles with PyYAML: YAML 1.1, so `yes`/`on` are booleans, but not `y`/`n` as in
// the 1.1 spec (PyYAML resolver.py); an input named `N` must stay a text.
const BOOL_TAG = 'tag:yaml.org,2002:bool';
function pyYamlBooleans(tags: Tags): Tags {
  return tags.map((tag) =>
    typeof tag === 'object' && tag.tag === BOOL_TAG && 'test' in tag && tag.test
      ? { ...tag, test: tag.test.test('true') ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/ }
      : tag,
  );
}

function readIOs(top: Record<string, unknown>, section: IO['section'], locate: Polyaxonfile['locate']): IO[] {
  const list = Array.isArray(top[section]) ? (top[section] as unknown[]) : [];
  return list.map((entry, index) => {
    const io = asRecord(entry);
    return {
      section,
      index,
      name: asString(io.name) ?? '',
      type: asString(io.type),
      description: asString(io.description),
      value: io.value ?? undefined,
      isOptional: isTrue(io.isOptional),
      isList: isTrue(io.isList),
      isFlag: isTrue(io.isFlag),
      delayValidation: isTrue(io.delayValidation),
      options: Array.isArray(io.options) ? io.options : undefined,
      position: locate([section, index]),
    };
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A boolean field as marshmallow's fields.Bool reads it (`"yes"`, `"1"` and 1 are true too). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && ['t', 'true', 'on', 'y', 'yes', '1'].includes(value.toLowerCase()));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
