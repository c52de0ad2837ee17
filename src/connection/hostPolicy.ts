// Where a host typed by the user points, and whether a token may travel to it (no vscode: unit-tested).
import { isIP } from 'net';
import { normaliseHost } from '../polyaxon/urls';

/**
 * `localhost`, 127.0.0.0/8 and ::1: the ends of a port-forward, which listen on plain http and never leave the machine.
 * `hostname` as URL gives it (IPv6 in brackets).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * A host as typed into a setting, a prompt, `$POLYAXON_HOST` or the CLI's `.client`, as one canonical URL.
 * Without a scheme it means https, except for loopback addresses, which mean http as `polyaxon port-forward` does.
 */
export function normaliseHostInput(input: string): string {
  const trimmed = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed === '') return normaliseHost(trimmed);
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}`).hostname;
  } catch {
    return normaliseHost(trimmed); // its error message says what is wrong
  }
  return normaliseHost(`${isLoopbackHostname(hostname) ? 'http' : 'https'}://${trimmed}`);
}

/** The same host, or undefined when `input` is empty or not a host at all. */
export function tryNormaliseHost(input: string | undefined): string | undefined {
  if (!input?.trim()) return undefined;
  try {
    return normaliseHostInput(input);
  } catch {
    return undefined;
  }
}

/**
 * Why a token must not be sent to `host` (normalised), or undefined when it may: plain http is readable by anyone on
 * the way, so only loopback gets it, and the in-cluster API address Polyaxon itself sets in `$POLYAXON_HOST` inside a
 * service (plain http by design, and it never leaves the cluster).
 */
export function plainHttpTokenProblem(host: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = new URL(host);
  if (url.protocol !== 'http:' || isLoopbackHostname(url.hostname)) return undefined;
  const insideService = Boolean(env.POLYAXON_RUN_INSTANCE?.trim());
  if (insideService && tryNormaliseHost(env.POLYAXON_HOST) === host) return undefined;
  return (
    `Your API token is not sent to ${host}: over plain http anyone on the network could read it. ` +
    `Use https://${url.host}${url.pathname === '/' ? '' : url.pathname} in polyaxon.host (Polyaxon: Configure Connection…), ` +
    "or reach the gateway through 'polyaxon port-forward' on localhost."
  );
}
