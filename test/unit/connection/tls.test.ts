// Certificate errors in words, and the trust-or-skip offer, against the fake Polyaxon behind real TLS with
// certificates made here by openssl: a private CA, a self-signed one, an expired one and one for another name.
import * as assert from 'assert';
import * as fs from 'fs';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { classifyCertificateError } from '../../../src/polyaxon/certificate';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { allowInsecureTo, TRUST_CERTIFICATE, withTlsTrust, type TlsTrustPorts } from '../../../src/connection/tlsTrust';
import { rejectsWith } from '../polyaxon/helpers';
import { makeCertificates, startTlsFront, type KeyPair, type TestCertificates } from './certificates';

describe('classifyCertificateError', () => {
  it('names each certificate problem in words', () => {
    const cases: [string, string, RegExp][] = [
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'selfSigned', /self-signed/],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'unknownCa', /private certificate authority/],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unknownCa', /does not know/],
      ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unknownCa', /does not know/],
      ['CERT_HAS_EXPIRED', 'expired', /has expired/],
      ['CERT_NOT_YET_VALID', 'notYetValid', /not valid yet/],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname', /another host name/],
    ];
    for (const [code, problem, words] of cases) {
      const failure = classifyCertificateError(code);
      assert.strictEqual(failure?.problem, problem, code);
      assert.match(failure.words, words, code);
      assert.ok(failure.fix.length > 0, code);
    }
  });

  it('quotes the names a misnamed certificate carries', () => {
    assert.match(
      classifyCertificateError('ERR_TLS_CERT_ALTNAME_INVALID', 'DNS:polyaxon.example')?.words ?? '',
      /\(it names DNS:polyaxon\.example\)$/,
    );
  });

  it('leaves handshake failures that are not about the certificate alone', () => {
    for (const code of ['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ECONNRESET', '']) {
      assert.strictEqual(classifyCertificateError(code), undefined, code);
    }
  });
});

describe('TLS against the fake Polyaxon behind a local HTTPS front', function () {
  this.timeout(30_000);
  let certs: TestCertificates;
  let fake: FakePolyaxon;
  const fronts: { close(): Promise<void> }[] = [];

  before(async function () {
    try {
      certs = makeCertificates();
    } catch (e) {
      console.log(`    skipped: openssl could not make test certificates (${String(e)})`);
      this.skip();
    }
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
  });
  after(async () => {
    await Promise.all(fronts.map((f) => f.close()));
    await fake?.close();
    if (certs) fs.rmSync(certs.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  async function front(pair: KeyPair): Promise<string> {
    const started = await startTlsFront(pair, Number(new URL(fake.url).port));
    fronts.push(started);
    return started.url;
  }

  describe('says in words what is wrong, and sends nothing', () => {
    const expectations: [string, (c: TestCertificates) => KeyPair, boolean, string, RegExp][] = [
      ['a self-signed certificate', (c) => c.selfSigned, false, 'selfSigned', /is not trusted: its certificate is self-signed/],
      [
        'a certificate from an unknown CA',
        (c) => c.good,
        false,
        'unknownCa',
        /is not trusted: its certificate is signed by a certificate authority that this computer does not know/,
      ],
      ['an expired certificate', (c) => c.expired, true, 'expired', /is not trusted: its certificate has expired/],
      [
        'a certificate for another host name',
        (c) => c.otherName,
        true,
        'hostname',
        /is not trusted: its certificate was issued for another host name \(it names DNS:polyaxon\.other\.example\)/,
      ],
    ];
    for (const [what, pair, withCa, problem, message] of expectations) {
      it(`${what}${withCa ? ' (even with the CA trusted)' : ''}`, async () => {
        const host = await front(pair(certs));
        const err = await rejectsWith(() => new PolyaxonClient({ host, ca: withCa ? certs.ca.cert : undefined }).getInstallation(), 'tls');
        assert.strictEqual(err.certificate?.problem, problem);
        assert.match(err.message, message);
        assert.ok(err.message.includes(host), err.message);
        assert.strictEqual(fake.requests.length, 0, 'no request reached the server');
      });
    }
  });

  it('with the CA file, the CA-signed certificate is accepted and the request reaches the server', async () => {
    const host = await front(certs.good);
    assert.strictEqual(
      (await new PolyaxonClient({ host, ca: fs.readFileSync(certs.ca.file, 'utf8') }).getInstallation()).version,
      '1.11.3',
    );
    assert.deepStrictEqual(
      fake.requests.map((r) => r.path),
      ['/api/v1/installation'],
    );
  });

  describe('withTlsTrust: the modal offer, then one retry', () => {
    /** Settings as VS Code would hold them, a client built from them per attempt, and what the person answers. */
    function harness(host: string, answer: (actions: readonly string[]) => string | undefined, caFile?: string) {
      const settings: { caFile?: string; insecure?: boolean } = {};
      const asked: { message: string; actions: readonly string[]; modal?: boolean }[] = [];
      let attempts = 0;
      const ports: TlsTrustPorts = {
        prompts: {
          choose: <T extends string>(message: string, actions: readonly T[], options?: { modal?: boolean }) => {
            asked.push({ message, actions, modal: options?.modal });
            return Promise.resolve(answer(actions) as T | undefined);
          },
        },
        pickCaFile: () => Promise.resolve(caFile),
        setCaFile: (file) => Promise.resolve(void (settings.caFile = file)),
        allowInsecure: () => Promise.resolve(void (settings.insecure = true)),
      };
      const attempt = () => {
        attempts++;
        const ca = settings.caFile ? fs.readFileSync(settings.caFile, 'utf8') : undefined;
        return new PolyaxonClient({ host, ca, insecure: settings.insecure }).getInstallation();
      };
      return { settings, asked, ports, attempt, attempts: () => attempts };
    }

    it('once with the CA file: "Trust this host’s certificate…" sets polyaxon.tls.caFile and the retry succeeds', async () => {
      const host = await front(certs.good);
      const h = harness(host, () => TRUST_CERTIFICATE, certs.ca.file);
      assert.strictEqual((await withTlsTrust(h.ports, h.attempt)).version, '1.11.3');
      assert.strictEqual(h.asked.length, 1);
      assert.strictEqual(h.asked[0].modal, true);
      assert.match(h.asked[0].message, /does not know/);
      assert.deepStrictEqual(h.asked[0].actions, [TRUST_CERTIFICATE, allowInsecureTo(host)]);
      assert.deepStrictEqual(h.settings, { caFile: certs.ca.file });
      assert.strictEqual(h.attempts(), 2);
      assert.deepStrictEqual(
        fake.requests.map((r) => r.path),
        ['/api/v1/installation'],
      );
    });

    it('once without it: "Allow insecure connections to HOST" sets polyaxon.tls.insecure and the retry succeeds', async () => {
      const host = await front(certs.selfSigned);
      const h = harness(host, (actions) => actions[1]);
      assert.strictEqual((await withTlsTrust(h.ports, h.attempt)).version, '1.11.3');
      assert.match(h.asked[0].message, /self-signed/);
      assert.deepStrictEqual(h.settings, { insecure: true });
      assert.strictEqual(h.attempts(), 2);
      assert.strictEqual(fake.requests.length, 1);
    });

    it('offers only the insecure way for an expired certificate, which no CA can fix', async () => {
      const host = await front(certs.expired);
      const h = harness(host, () => undefined);
      const err = await rejectsWith(() => withTlsTrust(h.ports, h.attempt), 'tls');
      assert.strictEqual(err.certificate?.problem, 'expired');
      assert.deepStrictEqual(h.asked[0].actions, [allowInsecureTo(host)]);
      assert.deepStrictEqual(h.settings, {});
      assert.strictEqual(h.attempts(), 1, 'dismissed: no retry');
    });

    it('retries only once: a CA that does not fit gives the error, not a second offer', async () => {
      const host = await front(certs.good);
      const h = harness(host, () => TRUST_CERTIFICATE, certs.selfSigned.file);
      await rejectsWith(() => withTlsTrust(h.ports, h.attempt), 'tls');
      assert.strictEqual(h.asked.length, 1);
      assert.strictEqual(h.attempts(), 2);
      assert.strictEqual(fake.requests.length, 0);
    });

    it('a cancelled file pick changes nothing and gives the original error', async () => {
      const host = await front(certs.good);
      const h = harness(host, () => TRUST_CERTIFICATE, undefined);
      await rejectsWith(() => withTlsTrust(h.ports, h.attempt), 'tls');
      assert.deepStrictEqual(h.settings, {});
      assert.strictEqual(h.attempts(), 1);
    });

    it('does not offer anything for errors that are not about a certificate', async () => {
      const h = harness(fake.url.replace('http:', 'https:'), () => TRUST_CERTIFICATE, certs.ca.file);
      const err = await rejectsWith(() => withTlsTrust(h.ports, h.attempt), 'tls');
      assert.strictEqual(err.certificate, undefined);
      assert.strictEqual(h.asked.length, 0);
    });
  });
});
