// The fields of a component, an input/output and a service, as the Polyaxon v1.11.3 CLI knows them: the check
// refuses any other, and the run body lists them in this order.

/** Fields of a component, in the order the CLI writes them (see operation.ts); `template` comes first because
 * marshmallow lists a schema's inherited fields by reversed MRO (TemplateMixinSchema before BaseComponentSchema). */
export const COMPONENT_FIELDS = [
  'template',
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
  'inputs',
  'outputs',
  'run',
];
export const IO_FIELDS = [
  'name',
  'description',
  'type',
  'value',
  'isOptional',
  'isList',
  'isFlag',
  'argFormat',
  'delayValidation',
  'options',
  'connection',
  'toInit',
  'toEnv',
];
export const SERVICE_FIELDS = ['kind', 'environment', 'connections', 'volumes', 'init', 'sidecars', 'container', 'ports', 'rewritePath'];
