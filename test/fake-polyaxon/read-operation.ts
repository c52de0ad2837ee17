// Reading a POSTed operation as the CE API does before compiling it (OperationCreateSerializer and the spec reader),
// with the 400 texts of each version: CE v1.11.3 (recorded/) and haupt v2.5.2's pydantic ones (recorded-v2/, README 16–17).
import * as YAML from 'yaml';

export type Obj = Record<string, unknown>;

export interface ParsedOperation {
  op: Obj;
  component: Obj;
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** V1RunKind values of v1.11.3 that a component's run may have (swagger v1RunKind, minus pipeline-only kinds). */
export const RUN_KINDS = new Set([
  'job',
  'service',
  'dag',
  'spark',
  'dask',
  'flink',
  'ray',
  'mpijob',
  'tfjob',
  'pytorchjob',
  'tuner',
  'watchdog',
  'notifier',
  'cleaner',
  'builder',
]);

/** BaseComponentSchema's fields: an operation and a component both have them. */
const BASE_FIELDS = [
  'version',
  'kind',
  'name',
  'description',
  'tags',
  'presets',
  'queue',
  'cache',
  'termination',
  'plugins',
  'build',
  'hooks',
  'isApproved',
  'cost',
];

export const OPERATION_FIELDS = new Set([
  ...BASE_FIELDS,
  'params',
  'runPatch',
  'patchStrategy',
  'template',
  'schedule',
  'events',
  'joins',
  'matrix',
  'dependencies',
  'trigger',
  'conditions',
  'skipOnUpstreamSkip',
  'isPreset',
  'hubRef',
  'dagRef',
  'urlRef',
  'pathRef',
  'component',
]);

// `template` is rejected inside a component: run-create.unknown-field.json.
export const COMPONENT_FIELDS = new Set([...BASE_FIELDS, 'inputs', 'outputs', 'run']);

/** The error texts that differ between the versions. */
const TEXTS = {
  v1: {
    unknownOperationField: (field: string) => `{'${field}': ['Unknown field.']}`,
    unknownComponentField: (field: string) => `{'${field}': ['Unknown field.']}`,
    runKind: (kind: string) => `{'component': {'run': {0: {'kind': ['Unsupported value: ${kind}']}}}}`,
  },
  v2: {
    unknownOperationField: (field: string) =>
      `1 validation error for V1Operation\n${field}\n  extra fields not permitted (type=value_error.extra)`,
    // run-create.unknown-field.json: `template` inside the component is reported against the compiled operation.
    unknownComponentField: (field: string) =>
      `1 validation error for V1CompiledOperation\n${field}\n  extra fields not permitted (type=value_error.extra)`,
    // The beginning README 16 quotes; the rest of pydantic's message is not recorded.
    runKind: (kind: string) =>
      `2 validation errors for V1Operation\ncomponent -> run\n  No match for discriminator 'kind' and value '${kind}'`,
  },
};

const NAME = /^[-a-zA-Z0-9_]+$/;

/** run-create.invalid-name.operation-name.json: an operation `name` that is no slug. */
const v2OperationNameError = (name: string) =>
  '2 validation errors for V1Operation\nname\n  string does not match regex "^[-a-zA-Z0-9_]+\\Z" (type=value_error.str.regex; pattern=^[-a-zA-Z0-9_]+\\Z)\n' +
  `name\n  Field \`name_RefField\` value must be equal to \`None\`, received \`${name}\` instead. (type=value_error)`;

/** Parse and check `content`; on error, the 400 body exactly as recorded (a list of one string). */
export function readOperation(content: string, v2 = false): ParsedOperation | { error: unknown } {
  const texts = v2 ? TEXTS.v2 : TEXTS.v1;
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    try {
      data = YAML.parse(content);
    } catch (e) {
      return { error: [`Received non valid yaml: \`${content}\`.\n${(e as Error).message}`] };
    }
  }
  if (!isObj(data)) return { error: [`Cannot read config_value: \`${content}\``] };
  if (data.kind !== 'operation') {
    return {
      error: [`The specification used \`OperationSpecification\` is incompatible with the kind \`${String(data.kind ?? 'None')}\`.`],
    };
  }
  const unknownOpField = Object.keys(data).find((k) => !OPERATION_FIELDS.has(k));
  if (unknownOpField) return { error: [texts.unknownOperationField(unknownOpField)] };
  if (v2 && typeof data.name === 'string' && !NAME.test(data.name)) return { error: [v2OperationNameError(data.name)] };
  const component = data.component;
  if (!isObj(component)) {
    // The fake has no hub / url / path resolution: only inline components can be compiled.
    return {
      error: ["{'component': ['An operation requires an inline `component` here (hubRef/urlRef/pathRef/dagRef are not supported).']}"],
    };
  }
  const unknownField = Object.keys(component).find((k) => !COMPONENT_FIELDS.has(k));
  if (unknownField) return { error: [texts.unknownComponentField(unknownField)] };
  const run = component.run;
  if (!isObj(run)) return { error: ["{'component': {'run': ['Missing data for required field.']}}"] };
  if (!RUN_KINDS.has(String(run.kind))) return { error: [texts.runKind(String(run.kind))] };
  // OperationCreateSerializer: `if op_spec.is_template(): raise ValidationError(...)`.
  if (isObj(data.template) && data.template.enabled) {
    return { error: ['Received a template polyaxonfile, Please customize the specification or disable the template.'] };
  }
  return { op: data, component };
}
