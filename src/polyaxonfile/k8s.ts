// How Polyaxon reads and writes the Kubernetes objects of a polyaxonfile (container, sidecars, volumes):
// polyaxon/polyaxon@v1.11.3 core/polyaxon/schemas/fields/swagger.py `SwaggerField` builds
// `cls(**{to_snake_case(k): v})` (unknown keys fail) and dumps `to_dict()` with top-level nulls removed
// and keys camelCased; nested values stay as written.
import { isRecord } from './parse';

/** Attributes of kubernetes.client.V1Container, alphabetical as its to_dict() emits them. */
export const CONTAINER_ATTRIBUTES = [
  'args',
  'command',
  'env',
  'env_from',
  'image',
  'image_pull_policy',
  'lifecycle',
  'liveness_probe',
  'name',
  'ports',
  'readiness_probe',
  'resources',
  'security_context',
  'startup_probe',
  'stdin',
  'stdin_once',
  'termination_message_path',
  'termination_message_policy',
  'tty',
  'volume_devices',
  'volume_mounts',
  'working_dir',
];

/** polyaxon/schemas/utils.py to_snake_case. */
export function toSnakeCase(key: string): string {
  return key
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** polyaxon/schemas/utils.py to_camel_case. */
export function toCamelCase(snake: string): string {
  const [first, ...rest] = snake.split('_');
  return first + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join('');
}

/** A Kubernetes object as SwaggerField serialises it; `defaults` fill missing keys (the main container's name). */
export function k8sToDict(value: unknown, defaults: Record<string, unknown> = {}): unknown {
  if (!isRecord(value)) return value;
  const attributes = Object.entries({ ...defaults, ...value }).map(([k, v]): [string, unknown] => [toSnakeCase(k), v]);
  return Object.fromEntries(
    attributes
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [toCamelCase(k), v]),
  );
}
