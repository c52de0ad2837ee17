// The structure rules the Polyaxon v1.11.3 CLI applies when it reads a component polyaxonfile
// (polyaxonfile/specs/base.py check_data, polyflow/component, polyflow/io/io.py, polyflow/run/service.py;
// every schema has `unknown = RAISE`), plus what a launchable service needs: ports and a container.
import { CONTAINER_ATTRIBUTES, toCamelCase, toSnakeCase } from './k8s';
import { isRecord, isTrue, parsePolyaxonfile, Polyaxonfile } from './parse';
import { PolyaxonfileError, Problem, suggest } from './problems';
import { undeclaredTemplateParams } from './templateParams';
import { COMPONENT_FIELDS, IO_FIELDS, SERVICE_FIELDS } from './fields';
import { checkValue, IO_TYPES } from './values';

const SCHEMA_VERSION = 1.1; // polyaxon/pkg.py: the CLI reads exactly this version
const NAME_REGEX = /^[-a-zA-Z0-9_]+$/; // schemas/base.py NAME_REGEX
const IO_NAME_BLACK_LIST = ['globals', 'params', 'connections']; // polyflow/io/io.py
const IO_FLAGS = ['isOptional', 'isList', 'isFlag', 'delayValidation', 'toInit'];
// marshmallow fields.Bool accepts these besides true/false.
const BOOL_WORDS = ['t', 'true', 'on', 'y', 'yes', '1', 'f', 'false', 'off', 'n', 'no', '0'];

type Path = readonly (string | number)[];

/** Every structure problem of a service polyaxonfile; empty when it can be launched. */
export function checkPolyaxonfile(pf: Polyaxonfile): Problem[] {
  const problems: Problem[] = [];
  // A missing field is reported at its parent; an unexpected one at its key.
  const report: Report = (path, message, hint, where = 'value') => {
    const at = where === 'missing' ? path.slice(0, -1) : path;
    problems.push({ file: pf.file, ...pf.locate(at, where === 'key' ? 'key' : 'value'), field: fieldName(path), message, hint });
  };
  const top = pf.data;
  if (!isRecord(top)) {
    report(
      [],
      'The polyaxonfile is not a YAML mapping',
      "write 'version: 1.1', 'kind: component' and a 'run' section as 'key: value' lines",
    );
    return problems;
  }

  if (top.version === undefined || top.version === null) {
    report(['version'], "The polyaxonfile 'version' must be specified", "add 'version: 1.1' at the top", 'missing');
  } else if (typeof top.version !== 'number') {
    report(['version'], `'version' must be a number, not '${show(top.version)}'`, "write 'version: 1.1' without quotes");
  } else if (top.version !== SCHEMA_VERSION) {
    report(
      ['version'],
      `Polyaxonfile version ${top.version} is not supported (Polyaxon 1.11 reads version ${SCHEMA_VERSION})`,
      "set 'version: 1.1'",
    );
  }

  if (top.kind === undefined || top.kind === null) {
    report(['kind'], "The polyaxonfile 'kind' must be specified", "add 'kind: component'", 'missing');
  } else if (top.kind !== 'component') {
    report(
      ['kind'],
      `kind is '${show(top.kind)}'; only components can be launched`,
      "use a polyaxonfile with 'kind: component' and a 'run' section",
    );
  }

  checkUnknownKeys(top, [], COMPONENT_FIELDS, report);
  if (top.name !== undefined && top.name !== null && (typeof top.name !== 'string' || !NAME_REGEX.test(top.name))) {
    report(['name'], `Invalid name '${show(top.name)}'`, "use only letters, digits, '-' and '_', e.g. 'name: vscode-service'");
  }
  if (top.description !== undefined && top.description !== null && typeof top.description !== 'string') {
    report(['description'], "'description' must be a text", 'quote it: \'description: "…"\'');
  }
  if (top.tags !== undefined && top.tags !== null && !(Array.isArray(top.tags) && top.tags.every((t) => typeof t === 'string'))) {
    report(['tags'], "'tags' must be a list of texts", "write e.g. 'tags: [vscode]'");
  }

  const seen = new Set<string>();
  for (const section of ['inputs', 'outputs'] as const) {
    const list = top[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      report([section], `'${section}' must be a list`, `write each entry as '- name: …' under '${section}:'`);
      continue;
    }
    list.forEach((entry, index) => checkIO(entry, [section, index], seen, report));
  }

  checkRun(top.run, report);
  problems.push(...undeclaredTemplateParams(pf));
  return problems;
}

/** Parses and checks; throws PolyaxonfileError listing every problem. */
export function loadServicePolyaxonfile(text: string, file: string): Polyaxonfile {
  const pf = parsePolyaxonfile(text, file);
  const problems = checkPolyaxonfile(pf);
  if (problems.length) throw new PolyaxonfileError(problems);
  return pf;
}

type Report = (path: Path, message: string, hint: string, where?: 'value' | 'key' | 'missing') => void;

function checkIO(entry: unknown, path: Path, seen: Set<string>, report: Report): void {
  const what = `${path[0] === 'inputs' ? 'Input' : 'Output'} #${Number(path[1]) + 1}`;
  if (!isRecord(entry)) {
    report(path, `${what} must be a mapping`, "write it as '- name: NAME' followed by 'type:', 'isOptional:', …");
    return;
  }
  checkUnknownKeys(entry, path, IO_FIELDS, report, { default: 'value', optional: 'isOptional' });
  const at = (field: string) => [...path, field];
  const name = entry.name;
  if (typeof name !== 'string' || name === '') {
    report(at('name'), `${what} has no name`, "add 'name: SOME_NAME'", name === undefined ? 'missing' : 'value');
  } else if (IO_NAME_BLACK_LIST.includes(name)) {
    report(
      at('name'),
      `'${name}' is reserved by Polyaxon's template context`,
      `rename it; ${IO_NAME_BLACK_LIST.map((n) => `'${n}'`).join(', ')} cannot be used`,
    );
  } else if (seen.has(name)) {
    report(at('name'), `'${name}' is declared twice`, 'rename or remove one of them: params are matched by name');
  } else {
    seen.add(name);
  }
  const label = typeof name === 'string' && name ? `'${name}'` : what;

  const type = entry.type;
  if (type !== undefined && type !== null && (typeof type !== 'string' || !IO_TYPES.includes(type))) {
    const guess = typeof type === 'string' ? suggest(type, IO_TYPES) : '';
    report(at('type'), `Unknown type '${show(type)}' for ${label}`, guess || `use one of ${IO_TYPES.join(', ')}`);
  }
  for (const flag of IO_FLAGS) {
    const v = entry[flag];
    if (v !== undefined && v !== null && !isBool(v)) {
      report(at(flag), `'${flag}' of ${label} must be true or false, not '${show(v)}'`, `write '${flag}: true' or '${flag}: false'`);
    }
  }
  const options = entry.options;
  if (options !== undefined && options !== null && !Array.isArray(options)) {
    report(at('options'), `'options' of ${label} must be a list`, "write e.g. 'options: [a, b, c]'");
  }
  const isOptional = isTrue(entry.isOptional);
  const value = entry.value;
  // validate_io only looks at a default Python finds truthy.
  if (pyTruthy(value)) {
    if (!isOptional) {
      report(
        at('value'),
        `IO ${label} is not optional and has default value '${show(value)}'`,
        "add 'isOptional: true', or remove the value to make it required",
      );
    }
    const io = {
      type: typeof type === 'string' ? type : undefined,
      isList: isTrue(entry.isList),
      options: Array.isArray(options) ? options : undefined,
    };
    const error = checkValue(io, value);
    if (error?.kind === 'type') {
      report(
        at('value'),
        `The default '${show(value)}' of ${label} is not ${error.expected}`,
        `change the value or the type ('${io.type}')`,
      );
    }
    if (error?.kind === 'options') {
      report(
        at('value'),
        `The default '${show(value)}' of ${label} is not one of its options`,
        `use one of ${io.options!.map(show).join(', ')}`,
      );
    }
  }
  if (isTrue(entry.isFlag) && type !== 'bool') {
    report(at('isFlag'), `${label} is a flag but its type is '${show(type)}'`, "flags must have 'type: bool'");
  }
}

function checkRun(run: unknown, report: Report): void {
  if (run === undefined || run === null) {
    report(['run'], "'run' is a required section", "add 'run:' with 'kind: service', 'ports' and a 'container'", 'missing');
    return;
  }
  if (!isRecord(run)) {
    report(['run'], "'run' must be a mapping", "write 'kind: service', 'ports' and 'container' under 'run:'");
    return;
  }
  if (run.kind !== 'service') {
    const message =
      run.kind === undefined || run.kind === null
        ? "'run.kind' is missing"
        : `run.kind is '${show(run.kind)}'; only services can be launched and opened`;
    report(['run', 'kind'], message, "set 'run.kind: service'", run.kind === undefined ? 'missing' : 'value');
    return;
  }
  checkUnknownKeys(run, ['run'], SERVICE_FIELDS, report);
  const ports = run.ports;
  if (ports === undefined || ports === null) {
    report(['run', 'ports'], "A service needs 'ports'", "add the port the app listens on, e.g. 'ports: [8080]'", 'missing');
  } else if (!Array.isArray(ports) || ports.length === 0 || !ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)) {
    report(['run', 'ports'], `'ports' must be a non-empty list of port numbers, not '${show(ports)}'`, "write e.g. 'ports: [8080]'");
  }
  if (run.rewritePath !== undefined && run.rewritePath !== null && !isBool(run.rewritePath)) {
    report(
      ['run', 'rewritePath'],
      `'rewritePath' must be true or false, not '${show(run.rewritePath)}'`,
      "write 'rewritePath: true' for apps served from '/'",
    );
  }
  const connections = run.connections;
  if (
    connections !== undefined &&
    connections !== null &&
    !(Array.isArray(connections) && connections.every((c) => typeof c === 'string'))
  ) {
    report(['run', 'connections'], "'connections' must be a list of connection names", "write e.g. 'connections: [fstore-pvc]'");
  }
  const container = run.container;
  if (!isRecord(container)) {
    report(
      ['run', 'container'],
      "A service needs a 'container' mapping",
      "add 'container:' with at least 'image:'",
      container === undefined ? 'missing' : 'value',
    );
    return;
  }
  for (const key of Object.keys(container)) {
    if (!CONTAINER_ATTRIBUTES.includes(toSnakeCase(key))) {
      report(
        ['run', 'container', key],
        `Unknown container field '${key}'`,
        suggest(key, CONTAINER_ATTRIBUTES.map(toCamelCase)) || 'remove it; see the Kubernetes Container reference',
        'key',
      );
    }
  }
  if (typeof container.image !== 'string' || container.image === '') {
    report(
      ['run', 'container', 'image'],
      "The container has no 'image'",
      'add e.g. \'image: "{{ DOCKER_IMAGE }}"\'',
      container.image === undefined ? 'missing' : 'value',
    );
  }
}

function checkUnknownKeys(
  object: Record<string, unknown>,
  path: Path,
  known: readonly string[],
  report: Report,
  aliases: Record<string, string> = {},
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const guess = aliases[key] ? `Polyaxon calls it '${aliases[key]}'` : suggest(key, known);
    report(
      [...path, key],
      `Unexpected field '${key}'${path.length ? ` in '${fieldName(path)}'` : ''}`,
      guess || `remove it; allowed: ${known.join(', ')}`,
      'key',
    );
  }
}

function isBool(v: unknown): boolean {
  // Only scalars: String([true]) is "true", but marshmallow refuses a list.
  return typeof v === 'boolean' || ((typeof v === 'string' || typeof v === 'number') && BOOL_WORDS.includes(String(v).toLowerCase()));
}

function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function pyTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}
