import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, Tags } from 'yaml';
import { PolyaxonfileError, Position, Problem } from './problems';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, customTags: pyYamlBooleans });
  if (doc.errors.length) {
    throw new PolyaxonfileError(doc.errors.map((e): Problem => {
      const [line, column] = e.linePos ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
      return { file, line, column, field: '', message: `YAML syntax error: ${e.message.split('\n')[0]}`, hint: 'fix the YAML at this position' };
    }));
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly (string | number)[], of: 'value' | 'key' = 'value'): Position => {
    let node: unknown = doc.contents;
    let position = isNode(node) && node.range ? at(node.range[0]) : { line: 1, column: 1 };
    for (const key of path) {
      const item = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key)
        : isSeq(node) && typeof key === 'number' ? node.items[key] : undefined;
      if (item === undefined) break;
      // An empty value (`description:`) has no node of its own: point at its key.
      const target = isPair(item) ? (of === 'value' && isNode(item.value) && item.value.range ? item.value : item.key) : item;
      if (isNode(target) && target.range) position = at(target.range[0]);
      node = isPair(item) ? item.value : item;
    }
    return position;
  };

  const data: unknown = doc.toJS();
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
    ports: Array.isArray(run.ports) ? run.ports.filter(Number.isInteger) : [],
    rewritePath: isTrue(run.rewritePath),
    image: asString(container.image),
    data,
    locate,
  };
}

// The CLI reads polyaxonfiles with PyYAML: YAML 1.1, so `yes`/`on` are booleans, but not `y`/`n` as in
// the 1.1 spec (PyYAML resolver.py); an input named `N` must stay a text.
const BOOL_TAG = 'tag:yaml.org,2002:bool';
function pyYamlBooleans(tags: Tags): Tags {
  return tags.map((tag) => (typeof tag === 'object' && tag.tag === BOOL_TAG && 'test' in tag && tag.test
    ? { ...tag, test: tag.test.test('true') ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/ }
    : tag));
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

export function asRecord(value: unknown): Record<string, unknown> {
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
