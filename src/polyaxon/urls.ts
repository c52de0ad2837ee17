// URLs of the Polyaxon gateway that a user opens: services and UI pages.
import type { RunRef } from './types';
import { hostProblem } from './hostSyntax';
import type { Run } from './types';

/** CE always reports `settings.namespace`; the Helm chart default is used when a run has none yet. */
const DEFAULT_NAMESPACE = 'polyaxon';
/** The operator's k8s Service for a run listens on 80 (operator/controllers/managers/services.go). */
const DEFAULT_SERVICE_PORT = 80;

export function normaliseHost(host: string): string {
  const problem = hostProblem(host);
  if (problem) throw new Error(problem);
  const trimmed = host.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${trimmed}" is not a valid Polyaxon host URL; use for example http://localhost:8888.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${trimmed}" is not a valid Polyaxon host URL: only http:// and https:// are supported.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The service part of the compiled (`run`) or submitted (`component.run`) operation stored in the run. */
interface ServiceSpec {
  ports?: unknown;
  rewritePath?: unknown;
}

function specFromContent(run: Run): ServiceSpec | undefined {
  for (const text of [run.content, run.raw_content]) {
    if (!text) continue;
    try {
      const doc = JSON.parse(text) as { run?: ServiceSpec; component?: { run?: ServiceSpec } };
      const spec = doc?.run ?? doc?.component?.run;
      if (spec && typeof spec === 'object') return spec;
    } catch {
      // Not JSON (e.g. YAML raw_content): try the next field.
    }
  }
  return undefined;
}

/**
 * `meta_info.rewrite_path` is only written once the scheduler resolves the run
 * (platform/coredb/coredb/scheduler/resolver.py persist_state), so fall back to the spec in the content.
 */
export function isRewritePath(run: Run): boolean {
  const meta = run.meta_info?.rewrite_path;
  if (typeof meta === 'boolean') return meta;
  return specFromContent(run)?.rewritePath === true;
}

/** v2 stores `meta_info.ports`; v1 only has them in the spec (`run.ports`). */
export function servicePorts(run: Run): number[] {
  const meta = run.meta_info?.ports;
  const ports = Array.isArray(meta) ? meta : specFromContent(run)?.ports;
  return Array.isArray(ports) ? ports.filter((p): p is number => typeof p === 'number') : [];
}

/**
 * The direct URL of a service, as `polyaxon ops service` prints it (core/polyaxon/cli/operations.py;
 * v2: polyaxon/cli _cli/operations.py adds `{port}/` and the `external` prefixes).
 * Always ends with `/`: code-server loads its assets with relative URLs.
 */
export function serviceUrl(host: string, ref: RunRef, run: Run, opts?: { v2?: boolean }): string {
  const rewrite = isRewritePath(run);
  const external = opts?.v2 === true && run.meta_info?.is_external === true;
  const prefix = `${rewrite ? 'rewrite-' : ''}${external ? 'external' : 'services'}/v1`;
  const namespace = run.settings?.namespace || DEFAULT_NAMESPACE;
  let url = `${normaliseHost(host)}/${prefix}/${seg(namespace)}/${runPath(ref)}/`;
  if (opts?.v2) url += `${servicePorts(run)[0] ?? DEFAULT_SERVICE_PORT}/`;
  return url;
}

export function runUiUrl(host: string, ref: RunRef): string {
  return `${normaliseHost(host)}/ui/${runPath(ref)}/`;
}

/** The service embedded in the Polyaxon UI. */
export function runServiceUiUrl(host: string, ref: RunRef): string {
  return `${runUiUrl(host, ref)}service/`;
}

function runPath(ref: RunRef): string {
  return `${seg(ref.owner)}/${seg(ref.project)}/runs/${seg(ref.uuid)}`;
}

/**
 * One path segment. `.` and `..` are refused: URL parsing resolves them (escaped as %2E too), so `..` as a project
 * would send the request to another endpoint. No Polyaxon name can be either.
 */
export function seg(s: string): string {
  if (s === '.' || s === '..') {
    throw new Error(`"${s}" cannot be an owner, project, run or namespace name: it would change the path of the request.`);
  }
  return encodeURIComponent(s);
}
