// Service polyaxonfiles written line by line, so each injected defect knows the field (and line) it breaks.
import { DIGITS, LOWER, Prng, UNICODE } from './prng';

export interface PolyaxonfileCase {
  text: string;
  name: string;
  /** Fields the error must report (e.g. `run.ports`); empty for a launchable file. */
  wrongFields: string[];
  /** For a YAML syntax error: the line it must point at. */
  syntaxLine?: number;
}

type Defect =
  | 'version'
  | 'kind'
  | 'name'
  | 'unknownTop'
  | 'ports'
  | 'image'
  | 'inputType'
  | 'reservedInput'
  | 'runKind'
  | 'containerField'
  | 'rewritePath';
const DEFECTS: Defect[] = [
  'version',
  'kind',
  'name',
  'unknownTop',
  'ports',
  'image',
  'inputType',
  'reservedInput',
  'runKind',
  'containerField',
  'rewritePath',
];

/** YAML double-quoted, so newlines and unicode in a description survive. */
const quoted = (s: string) => JSON.stringify(s);

export function polyaxonfileCase(rng: Prng): PolyaxonfileCase {
  const defects = new Set(rng.chance(0.4) ? [] : rng.sample(DEFECTS, rng.int(1, 3)));
  const has = (d: Defect) => defects.has(d);
  const name = `${rng.text(LOWER, 1)}${rng.text(`${LOWER}${DIGITS}-_`, rng.int(0, 30))}`;
  const lines: string[] = [];
  const wrongFields: string[] = [];
  const wrong = (field: string) => wrongFields.push(field);

  if (has('version')) {
    const v = rng.pick(['1.0', '"1.1"', '2', '', 'one']);
    if (v !== '') lines.push(`version: ${v}`);
    wrong('version');
  } else {
    lines.push('version: 1.1');
  }
  if (has('kind')) {
    const k = rng.pick(['operation', 'job', 'Component', '']);
    if (k !== '') lines.push(`kind: ${k}`);
    wrong('kind');
  } else {
    lines.push('kind: component');
  }
  if (has('name')) {
    lines.push(`name: ${quoted(rng.pick(['my service', 'a/b', 'süß', 'x!', 'tab\there']))}`);
    wrong('name');
  } else {
    lines.push(`name: ${name}`);
  }
  if (rng.chance(0.5)) lines.push(`description: ${quoted(rng.text(`${LOWER} \n${UNICODE}`, rng.int(0, 80)))}`);
  if (rng.chance(0.5)) lines.push(`tags: [${rng.sample(['vscode', 'jupyter', 'dev', 'gpu'], rng.int(0, 3)).join(', ')}]`);
  if (has('unknownTop')) {
    const key = rng.pick(['nmae', 'inptus', 'ports', 'image']);
    lines.push(`${key}: x`);
    wrong(key);
  }

  lines.push('inputs:');
  if (has('reservedInput')) {
    lines.push(`  - name: ${rng.pick(['globals', 'params', 'connections'])}`, '    type: str', '    isOptional: true');
    wrong('inputs[0].name');
  }
  const typeIndex = has('reservedInput') ? 1 : 0;
  lines.push(
    '  - name: DOCKER_IMAGE',
    `    type: ${has('inputType') ? rng.pick(['strr', 'string', 'integer', 'Str']) : 'str'}`,
    '    isOptional: true',
    `    value: ${quoted(`img:${rng.int(1, 9)}`)}`,
  );
  if (has('inputType')) wrong(`inputs[${typeIndex}].type`);

  lines.push('run:');
  if (has('runKind')) {
    lines.push(`  kind: ${rng.pick(['job', 'notebook', 'Service'])}`);
    wrong('run.kind');
  } else {
    lines.push('  kind: service');
  }
  // The rest of `run` is only checked for a service.
  const service = !has('runKind');
  if (has('ports')) {
    const ports = rng.pick(['[]', '[0]', '[70000]', '[http]', '8080', '[8080.5]', null]);
    if (ports !== null) lines.push(`  ports: ${ports}`);
    if (service) wrong('run.ports');
  } else {
    lines.push(`  ports: [${rng.int(1, 65535)}]`);
  }
  if (has('rewritePath')) {
    lines.push(`  rewritePath: ${rng.pick(['maybe', '2', '[true]'])}`);
    if (service) wrong('run.rewritePath');
  } else if (rng.chance(0.5)) {
    lines.push(`  rewritePath: ${rng.pick(['true', 'false', 'yes', 'no'])}`);
  }
  lines.push('  container:');
  if (has('image')) {
    if (rng.chance(0.5)) lines.push('    image: ""');
    if (service) wrong('run.container.image');
  } else {
    lines.push('    image: "{{ DOCKER_IMAGE }}"');
  }
  if (has('containerField')) {
    const key = rng.pick(['imagee', 'cmd', 'workdir', 'port']);
    lines.push(`    ${key}: x`);
    if (service) wrong(`run.container.${key}`);
  }
  lines.push(`    command: [${quoted('/bin/sh')}, "-c", ${quoted(`echo ${rng.text(`${LOWER}$;|&`, rng.int(0, 20))}`)}]`);

  // A YAML syntax error replaces every other defect: the parser stops there. Only `key: value` lines are broken,
  // with a nested compact mapping or a tab as indentation, which YAML reports on that very line.
  if (rng.chance(0.1)) {
    const candidates = lines.map((line, i) => (/^\s*(- )?[\w]+: \S/.test(line) ? i : -1)).filter((i) => i > 0);
    const at = rng.pick(candidates);
    lines[at] = rng.chance(0.5) ? `${lines[at]}: x: y` : `\t${lines[at].trimStart()}`;
    return { text: `${lines.join('\n')}\n`, name, wrongFields: [], syntaxLine: at + 1 };
  }
  return { text: `${lines.join('\n')}\n`, name, wrongFields };
}
