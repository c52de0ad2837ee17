// Can a service page be shown in the webview's iframe? Browsers refuse to frame pages whose headers forbid it,
// and show only a blank frame, so the extension host asks first and explains instead.
import * as http from 'http';
import type * as https from 'https';

export type Headers = Record<string, string | string[] | undefined>;

/**
 * Why the page with these response headers refuses to be framed by VS Code, or undefined when it allows it.
 * A webview never shares the service's origin, so `'self'` and SAMEORIGIN block too.
 * When a policy has `frame-ancestors`, browsers ignore X-Frame-Options (CSP Level 2, §frame-ancestors).
 */
export function framingBlocked(headers: Headers): string | undefined {
  const csp = headerValues(headers, 'content-security-policy');
  const ancestors = csp
    .flatMap((h) => h.split(','))
    .map(frameAncestors)
    .filter((a): a is string[] => a !== undefined);
  if (ancestors.length > 0) {
    const blocking = ancestors.find((sources) => !sources.some(allowsAnyEmbedder));
    return blocking && `its Content-Security-Policy says "frame-ancestors ${blocking.join(' ')}"`;
  }
  const xfo = headerValues(headers, 'x-frame-options')
    .flatMap((h) => h.split(','))
    .map((v) => v.trim().toUpperCase())
    .find((v) => v === 'DENY' || v === 'SAMEORIGIN');
  return xfo && `it sends "X-Frame-Options: ${xfo}"`;
}

/**
 * Why the webview cannot frame the page at `url` whatever its headers say, or undefined. CSP's host-source grammar
 * has no IPv6 literals (CSP3, host-part) and Chromium drops such a source (network's content_security_policy.cc,
 * ParseHost), so only the bare scheme could allow it, and that would allow any page of the scheme.
 */
export function unframableAddress(url: string): string | undefined {
  const { host, hostname } = new URL(url);
  if (!hostname.startsWith('[')) return undefined;
  return `its address ${host} is an IPv6 literal, which a webview's Content-Security-Policy cannot name (a host name such as localhost can be)`;
}

/** The sources of a policy's frame-ancestors directive, or undefined when it has none. */
function frameAncestors(policy: string): string[] | undefined {
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name?.toLowerCase() === 'frame-ancestors') return sources;
  }
  return undefined;
}

/**
 * `*` or a bare scheme (`https:`) may match the webview's origin, which differs per VS Code flavour
 * (vscode-webview://…, https://*.vscode-cdn.net, code-server's own origin); a named host almost never does.
 */
function allowsAnyEmbedder(source: string): boolean {
  return source === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(source);
}

function headerValues(headers: Headers, name: string): string[] {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export interface Probe {
  status: number;
  headers: Headers;
}

/**
 * GETs `url` and resolves its status and headers without reading the body; redirects are not followed.
 * Resolves undefined when the page cannot be reached: the iframe then shows the browser's own error.
 * Certificates are not checked: only headers are read, and nothing secret is sent.
 */
export function probe(url: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<Probe | undefined> {
  // Required here, not at activation: https brings tls with it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { get } = url.startsWith('https:') ? (require('https') as typeof https) : http;
  return new Promise((resolve) => {
    const requestOptions: https.RequestOptions = { timeout: options.timeoutMs, signal: options.signal, rejectUnauthorized: false };
    const onResponse = (res: http.IncomingMessage) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      res.destroy();
    };
    let req: http.ClientRequest;
    try {
      req = get(url, requestOptions, onResponse);
    } catch {
      resolve(undefined);
      return;
    }
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

/** The gateway answers 502–504 while the service's pod runs but its server does not listen yet. */
export function isGatewayNotReady(status: number): boolean {
  return status >= 502 && status <= 504;
}
