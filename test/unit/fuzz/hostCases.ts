// Host strings as people type or paste them. Each invalid case has exactly one defect, and what its error must name.
import { DIGITS, LOWER, Prng } from './prng';

export interface HostCase {
  host: string;
  /** The error must match this; undefined for a host that may be used. */
  problem?: RegExp;
  /** The path the fake should see for `/api/v1/installation`, when the host points at the fake over http. */
  fakePath?: string;
}

const SCHEMES = ['', 'http://', 'HTTP://', 'Http://'];
const PATHS = ['', '/', '/polyaxon', '/a/b/', '/p%20x/'];
const PADDING = ['', ' ', '\t', '\n', '  \r\n'];

export function hostCase(rng: Prng, fakePort: number): HostCase {
  const pad = rng.pick(PADDING);
  const wrap = (h: string) => `${pad}${h}${rng.pick(PADDING)}`;
  const scheme = rng.pick(SCHEMES);
  const path = rng.pick(PATHS);
  const port = `:${fakePort}`;
  switch (rng.int(0, 9)) {
    case 0: {
      // a foreign scheme, with or without `//`
      const [bad, rest] = rng.pick([
        ['ftp', '://127.0.0.1'],
        ['htp', '://localhost:8117'],
        ['javascript', ':alert(1)'],
        ['javascript', '://%0aalert(document.cookie)'],
        ['file', ':///etc/passwd'],
        ['data', ':text/html,<script>x</script>'],
        ['ws', '://127.0.0.1:8117'],
        ['ssh', '://git@host'],
        [rng.text(LOWER, rng.int(3, 8)), `://127.0.0.1${port}`],
      ] as const);
      if (/^https?$/.test(bad)) return { host: `http://127.0.0.1${port}`, fakePath: '/api/v1/installation' };
      return { host: wrap(`${bad}${rest}`), problem: new RegExp(`"${bad}:".*only http:// and https://`) };
    }
    case 1: {
      // a space inside
      const at = rng.int(1, 3);
      const parts = [`${scheme}local`, `host${port}`, `/poly`, `axon`];
      parts[at] = `${rng.pick([' ', '\t', '\u00a0', '\u2003'])}${parts[at]}`;
      return { host: wrap(parts.join('')), problem: /contains a space/ };
    }
    case 2: {
      // a bad port
      const bad = rng.pick(['99999', '65536', '0', '80a', 'abc', '-1', `${rng.text(DIGITS, 7)}`, '']);
      return { host: wrap(`${scheme}127.0.0.1:${bad}${path}`), problem: new RegExp(`port "${bad}" is not a number`) };
    }
    case 3: // an IPv6 address without brackets
      return {
        host: wrap(`${rng.pick(['', 'http://'])}${rng.pick(['::1', 'fe80::1', '2001:db8::8117'])}`),
        problem: /IPv6 address must be in brackets/,
      };
    case 4: // no host name
      return {
        host: wrap(`${rng.pick(['http://', 'https://', 'http:///'])}${rng.pick(['', port, `${port}/x`])}`),
        problem: /no host name/,
      };
    case 5: // nothing at all
      return { host: rng.pick(['', ' ', '\n\t ']), problem: /empty/ };
    case 6: // IPv6 loopback in brackets: valid; nothing listens there (or no IPv6), so only the error kind is checked
      return { host: wrap(`${scheme}[::1]${port}${path}`) };
    case 7: // https to the plain-http fake: valid host, the TLS handshake fails
      return { host: wrap(`https://127.0.0.1${port}${path}`) };
    default: {
      // the fake, with or without scheme and path
      const prefix = path.replace(/\/+$/, '');
      return { host: wrap(`${scheme}127.0.0.1${port}${path}`), fakePath: `${prefix}/api/v1/installation` };
    }
  }
}
