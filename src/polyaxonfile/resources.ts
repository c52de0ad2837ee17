// A service's size: the CPU, memory (and GPUs) its main container requests and is limited to. Read from a
// polyaxonfile (`run.container.resources`) or a run's compiled content, changed by the launch wizard, and sent as
// the operation's runPatch, which Polyaxon merges into the component's run when it compiles the operation
// (polyaxon/polyaxon@v1.11.3 OperationSpecification.compile_operation; V1Operation.runPatch in the swagger).
import { compiledOperation } from './compiledRun';
import { isRecord } from './parse';
import { parseQuantity, type Quantity } from './quantity';

/** Kubernetes ResourceList: resource name → quantity, as written (`cpu: 2` or `cpu: "2"`). */
export type ResourceList = Record<string, string>;

export interface Resources {
  requests: ResourceList;
  limits: ResourceList;
}

/** What the user chooses: how much the service asks for. Empty fields keep the polyaxonfile's. */
export interface Size {
  cpu?: string;
  memory?: string;
  gpu?: string;
}

/** The run patch that sets the main container's resources (V1Service fields, as in an operation file). */
export interface ResourcesPatch {
  container: { resources: Resources };
}

export type SizeField = keyof Size;

const MIN_MEMORY_NANOS = 2n ** 20n * 1_000_000_000n;
const ONE_MILLI = 1_000_000n;

/** `run.container.resources` of a component or compiled operation; missing parts are empty. */
export function resourcesOf(component: unknown): Resources {
  const run = isRecord(component) ? component.run : undefined;
  const container = isRecord(run) ? run.container : undefined;
  const resources = isRecord(container) ? container.resources : undefined;
  const list = (value: unknown): ResourceList =>
    isRecord(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
            .map(([k, v]) => [k, String(v)]),
        )
      : {};
  return {
    requests: list(isRecord(resources) ? resources.requests : undefined),
    limits: list(isRecord(resources) ? resources.limits : undefined),
  };
}

/** The GPU resource the file asks for (`nvidia.com/gpu`, `amd.com/gpu`), if any: only then is a GPU count offered. */
export function gpuResource(resources: Resources): string | undefined {
  return [...Object.keys(resources.limits), ...Object.keys(resources.requests)].find((name) => /(^|[./])gpu$/i.test(name));
}

/** What the service asks for: the request, else the limit (Kubernetes defaults a missing request to the limit). */
export function sizeOf(resources: Resources): Size {
  const asked = (name: string | undefined) => (name ? (resources.requests[name] ?? resources.limits[name]) : undefined);
  return omitEmpty({ cpu: asked('cpu'), memory: asked('memory'), gpu: asked(gpuResource(resources)) });
}

/** Why `value` cannot be the service's `field`, or undefined. */
export function sizeProblem(field: SizeField, value: string): string | undefined {
  const parsed = parseQuantity(value);
  if ('problem' in parsed) return parsed.problem;
  const what = { cpu: 'CPUs', memory: 'Memory', gpu: 'GPUs' }[field];
  if (parsed.nanos < 0n) return `${what} cannot be negative.`;
  if (field === 'gpu') return parsed.nanos % 1_000_000_000n === 0n ? undefined : 'GPUs are counted in whole numbers (0, 1, 2).';
  if (parsed.nanos === 0n) return `${what} must be more than 0.`;
  if (field === 'cpu' && parsed.nanos < ONE_MILLI) return 'CPUs are counted in thousandths at the finest: 1m is the least.';
  if (field === 'memory' && parsed.nanos < MIN_MEMORY_NANOS) {
    return `'${value.trim()}' is less than 1Mi of memory (a number without unit counts bytes): write e.g. ${value.trim()}Mi or ${value.trim()}Gi.`;
  }
  return undefined;
}

/** Why `size` cannot be launched over `file`'s resources: each amount checked, GPUs only where the file asks for some. */
export function sizeProblems(file: Resources, size: Size): string[] {
  const problems: string[] = [];
  for (const field of ['cpu', 'memory', 'gpu'] as const) {
    const value = size[field];
    if (value === undefined) continue;
    const problem =
      field === 'gpu' && !gpuResource(file) ? 'the polyaxonfile asks for no GPUs, so none can be set' : sizeProblem(field, value);
    if (problem) problems.push(`${LABELS[field]} '${value}': ${problem}`);
  }
  return problems;
}

/** "2 CPUs, 4 GiB" (and ", 1 GPU"); "no CPU or memory set" when the file asks for none. */
export function sizeText(size: Size): string {
  const parts = [
    size.cpu !== undefined && cpuText(size.cpu),
    size.memory !== undefined && memoryText(size.memory),
    size.gpu !== undefined && countText(size.gpu, 'GPU'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(', ') : 'no CPU or memory set';
}

export interface Resized {
  resources: Resources;
  /** What was raised to keep limits ≥ requests, in words ("CPU limit raised from 2 to 3"). */
  raised: string[];
}

/**
 * The resources for `size` on top of the file's: each chosen amount becomes the request; a limit below it is raised
 * to it (said in `raised`), a missing one is set to it. Undefined when the size is the file's own: nothing to patch.
 */
export function resize(file: Resources, size: Size): Resized | undefined {
  const requests = { ...file.requests };
  const limits = { ...file.limits };
  const raised: string[] = [];
  const current = sizeOf(file);
  let changed = false;
  for (const [field, name] of [
    ['cpu', 'cpu'],
    ['memory', 'memory'],
    ['gpu', gpuResource(file)],
  ] as const) {
    const wanted = size[field]?.trim();
    if (!wanted || !name || sameAmount(wanted, current[field])) continue;
    changed = true;
    // Extended resources (GPUs) may be given as a limit only, and their request must equal it.
    if (field !== 'gpu' || name in requests) requests[name] = wanted;
    const limit = limits[name];
    if (limit === undefined || field === 'gpu') limits[name] = wanted;
    else if (amount(limit) < amount(wanted)) {
      limits[name] = wanted;
      raised.push(`${LABELS[field]} limit raised from ${limit} to ${wanted}`);
    }
  }
  return changed ? { resources: { requests, limits }, raised } : undefined;
}

/** The operation's runPatch for a resize. */
export function resourcesPatch(resized: Resized): ResourcesPatch {
  return { container: { resources: resized.resources } };
}

/** The size a run was compiled with, from its `content` (the compiled operation as JSON), or undefined. */
export function runSize(content: string | null | undefined): Size | undefined {
  const compiled = compiledOperation(content);
  if (compiled === undefined) return undefined;
  const size = sizeOf(resourcesOf(compiled));
  return Object.keys(size).length ? size : undefined;
}

const LABELS: Record<SizeField, string> = { cpu: 'CPU', memory: 'Memory', gpu: 'GPU' };

function sameAmount(a: string, b: string | undefined): boolean {
  return b !== undefined && amount(a) === amount(b);
}

/** The exact value of a valid quantity; an invalid one (already refused) compares as NaN would: never equal. */
function amount(text: string): bigint {
  const parsed = parseQuantity(text);
  return 'problem' in parsed ? -1n : parsed.nanos;
}

function cpuText(text: string): string {
  const parsed = parseQuantity(text);
  if ('problem' in parsed) return `${text} CPU`;
  return countText(decimal(parsed, 1_000_000_000n), 'CPU');
}

function memoryText(text: string): string {
  const parsed = parseQuantity(text);
  if ('problem' in parsed) return text;
  const gib = 2n ** 30n * 1_000_000_000n;
  const mib = 2n ** 20n * 1_000_000_000n;
  return parsed.nanos >= gib ? `${decimal(parsed, gib)} GiB` : `${decimal(parsed, mib)} MiB`;
}

/** `value / unit` with at most two decimals, trailing zeros dropped. */
function decimal(q: Quantity, unit: bigint): string {
  const hundredths = (q.nanos * 100n + unit / 2n) / unit;
  const whole = hundredths / 100n;
  const rest = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : `${whole}`;
}

function countText(count: string, noun: string): string {
  return `${count} ${noun}${count === '1' ? '' : 's'}`;
}

function omitEmpty(size: Size): Size {
  return Object.fromEntries(Object.entries(size).filter(([, v]) => v !== undefined));
}
