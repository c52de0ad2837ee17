// What is wrong with a host a person typed, named precisely: `new URL` alone reports "Invalid URL" for a space, a bare
// IPv6 address and a bad port alike, and reads `javascript:alert(1)` as host `javascript` with a port.

/** Schemes people paste that are never a Polyaxon gateway, recognised even without `//`. */
const FOREIGN_SCHEME = /^(javascript|vbscript|data|file|about|blob|mailto|ftps?|wss?|ssh|git):/i;

const EXAMPLE = 'use for example http://localhost:8888';

/** Why `host` cannot be a Polyaxon host, or undefined when it looks like one (no scheme means http). */
export function hostProblem(host: string): string | undefined {
  const text = host.trim();
  if (!text) return `The Polyaxon host is empty; set it, for example http://localhost:8888.`;
  const bad = (why: string) => `"${text}" is not a valid Polyaxon host URL: ${why}; ${EXAMPLE}.`;
  if (/\s/.test(text)) return bad('it contains a space');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1] ?? FOREIGN_SCHEME.exec(text)?.[1];
  if (scheme && !/^https?$/i.test(scheme)) return bad(`the scheme is "${scheme}:", only http:// and https:// are supported`);
  const authority = (scheme ? text.slice(scheme.length + 1).replace(/^\/\//, '') : text).split(/[/?#]/)[0];
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (!hostAndPort.startsWith('[') && hostAndPort.split(':').length > 2) {
    return bad('an IPv6 address must be in brackets, e.g. http://[::1]:8888');
  }
  if (!hostAndPort || hostAndPort.startsWith(':')) return bad('it has no host name');
  const port = hostAndPort.startsWith('[') ? /^\[[^\]]*\](?::(.*))?$/.exec(hostAndPort)?.[1] : hostAndPort.split(':')[1];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return bad(`the port "${port}" is not a number from 1 to 65535`);
  }
  return undefined;
}
