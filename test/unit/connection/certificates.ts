// Test certificates made with the openssl CLI, and a TLS front that puts the fake Polyaxon server behind them.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';

export interface KeyPair {
  key: string;
  cert: string;
}
export interface TestCertificates {
  dir: string;
  /** The private CA; its PEM file is what a person would pick. */
  ca: KeyPair & { file: string };
  /** Signed by the CA for 127.0.0.1. */
  good: KeyPair;
  /** Signed by the CA for 127.0.0.1, expired a day ago. */
  expired: KeyPair;
  /** Signed by the CA for another host name only. */
  otherName: KeyPair;
  /** Self-signed, for 127.0.0.1. */
  selfSigned: KeyPair & { file: string };
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeCertificates(): TestCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-certs-'));
  const at = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const read = (name: string) => fs.readFileSync(at(name), 'utf8');

  openssl('req', '-x509', ...EC, '-days', '2', '-subj', '/CN=Polyaxon Test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  const signed = (name: string, san: string, days: string): KeyPair => {
    fs.writeFileSync(at(`${name}.ext`), `subjectAltName=${san}\n`);
    openssl('req', ...EC, '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      days,
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
    return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
  };
  openssl(
    'req',
    '-x509',
    ...EC,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
  );
  return {
    dir,
    ca: { key: read('ca.key'), cert: read('ca.pem'), file: at('ca.pem') },
    good: signed('good', 'IP:127.0.0.1', '2'),
    expired: signed('expired', 'IP:127.0.0.1', '-1'),
    otherName: signed('other', 'DNS:polyaxon.other.example', '2'),
    selfSigned: { key: read('self.key'), cert: read('self.pem'), file: at('self.pem') },
  };
}

/** Terminates TLS with `pair` on 127.0.0.1 and pipes the plain bytes to `targetPort` (the fake Polyaxon server). */
export async function startTlsFront(pair: KeyPair, targetPort: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(pair, (secure) => {
    const plain = net.connect(targetPort, '127.0.0.1');
    for (const s of [secure, plain]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    secure.pipe(plain).pipe(secure);
  });
  // A client that refuses the certificate aborts the handshake: not an error of the front.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
