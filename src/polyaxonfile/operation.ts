// The run the Polyaxon CLI creates for `polyaxon run -f FILE -P K=V` (polyaxon/polyaxon@v1.11.3
// polyaxonfile/manager/operations.py get_op_specification, client/run.py RunClient.create): the component is
// wrapped in an operation and sent as a JSON string.
import { OperationBody } from '../polyaxon/types';
import { checkPolyaxonfile } from './check';
import { COMPONENT_FIELDS, IO_FIELDS, SERVICE_FIELDS } from './fields';
import { k8sToDict } from './k8s';
import { isRecord, Polyaxonfile } from './parse';
import { Params, checkParams } from './params';
import { PolyaxonfileError } from './problems';

export interface Operation {
  version: unknown;
  kind: 'operation';
  params?: Record<string, { value: string }>;
  /** Merged into the component's run when Polyaxon compiles the operation (V1Operation.runPatch). */
  runPatch?: Record<string, unknown>;
  component: Record<string, unknown>;
}

export interface CreateOptions {
  v2: boolean;
  /** What an operation file would say in `runPatch:` (e.g. the container's resources); none when undefined. */
  runPatch?: object;
}

const ENVIRONMENT_FIELDS = [
  'labels',
  'annotations',
  'nodeSelector',
  'affinity',
  'tolerations',
  'nodeName',
  'serviceAccountName',
  'hostAliases',
  'securityContext',
  'imagePullSecrets',
  'hostNetwork',
  'hostPID',
  'dnsPolicy',
  'dnsConfig',
  'schedulerName',
  'priorityClassName',
  'priority',
  'restartPolicy',
];
const MAIN_CONTAINER = 'polyaxon-main'; // containers/names.py MAIN_JOB_CONTAINER, ServiceSchema's container default

/**
 * The component as `V1Component.to_dict()` writes it: fields in schema order, null fields dropped
 * (REDUCED_ATTRIBUTES), Kubernetes objects as SwaggerField writes them (k8s.ts) and the main container named.
 */
function componentToDict(pf: Polyaxonfile): Record<string, unknown> {
  const component = ordered(isRecord(pf.data) ? pf.data : {}, COMPONENT_FIELDS);
  for (const section of ['inputs', 'outputs']) {
    const list = component[section];
    if (Array.isArray(list)) component[section] = (list as unknown[]).map((io) => (isRecord(io) ? ordered(io, IO_FIELDS) : io));
  }
  const run = component.run;
  if (isRecord(run) && run.kind === 'service') {
    const service = ordered(run, SERVICE_FIELDS);
    if (isRecord(service.environment)) service.environment = ordered(service.environment, ENVIRONMENT_FIELDS);
    if (service.container !== undefined) service.container = k8sToDict(service.container, { name: MAIN_CONTAINER });
    for (const list of ['sidecars', 'volumes']) {
      if (Array.isArray(service[list])) service[list] = (service[list] as unknown[]).map((item) => k8sToDict(item));
    }
    component.run = service;
  }
  return component;
}

/**
 * The operation the CLI builds; only the params given appear in it. A runPatch sits where V1Operation.to_dict()
 * writes it: after `params`, before `component` (OperationSchema's field order; the v1.11.3 swagger's v1Operation).
 */
export function buildOperation(pf: Polyaxonfile, params: Params, runPatch?: object): Operation {
  const names = Object.keys(params);
  return {
    version: pf.version,
    kind: 'operation',
    ...(names.length ? { params: Object.fromEntries(names.map((name) => [name, { value: params[name] }])) } : {}),
    ...(runPatch ? { runPatch: { ...runPatch } } : {}),
    component: componentToDict(pf),
  };
}

/**
 * The body of `POST /api/v1/{owner}/{project}/runs`, after the checks the CLI makes before sending.
 * v1 sends `is_managed: true`; the v2 CLI sends `managed_by: "agent"` instead (polyaxon/cli _client/run.py).
 * @throws PolyaxonfileError listing every problem of the file and of the params.
 */
export function buildCreateBody(pf: Polyaxonfile, params: Params, options: CreateOptions): OperationBody {
  const problems = [...checkPolyaxonfile(pf), ...checkParams(pf, params)];
  if (problems.length) throw new PolyaxonfileError(problems);
  const content = JSON.stringify(buildOperation(pf, params, options.runPatch));
  return options.v2 ? { content, managed_by: 'agent' } : { content, is_managed: true };
}

/** `object` with `fields` first in that order, then any other key, without null values. */
function ordered(object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const keys = [...fields.filter((k) => k in object), ...Object.keys(object).filter((k) => !fields.includes(k))];
  return Object.fromEntries(keys.filter((k) => object[k] !== null && object[k] !== undefined).map((k) => [k, object[k]]));
}
