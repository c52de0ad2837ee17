import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Run } from '../../../src/polyaxon/types';
import { isRewritePath, normaliseHost, runServiceUiUrl, runUiUrl, serviceUrl, servicePorts } from '../../../src/polyaxon/urls';
import { SHARED_POLYAXON } from '../sharedFacts';

const HOST = 'http://localhost:8117';
const UUID = '5180fcc7fddb44b28ceb22f418d7d2bb';
const ref = { owner: 'default', project: 'my-project-alice', uuid: UUID };
const ns = { settings: { namespace: 'polyaxon-v1' } };
const compiled = (run: object) => JSON.stringify({ version: 1.1, kind: 'compiled_operation', run: { kind: 'service', ...run } });
const operation = (run: object) =>
  JSON.stringify({ version: 1.1, kind: 'operation', component: { kind: 'component', run: { kind: 'service', ...run } } });

describe('urls', () => {
  describe('serviceUrl', () => {
    it('v1 rewritePath service (VS Code): /rewrite-services/v1/…/', () => {
      const run: Run = { uuid: UUID, meta_info: { rewrite_path: true }, ...ns };
      assert.strictEqual(serviceUrl(HOST, ref, run), `${HOST}/rewrite-services/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/`);
    });

    it('v1 service without rewritePath (Jupyter): /services/v1/…/', () => {
      const run: Run = { uuid: UUID, meta_info: {}, content: compiled({ ports: [8888] }), ...ns };
      assert.strictEqual(serviceUrl(HOST, ref, run), `${HOST}/services/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/`);
    });

    it('infers rewritePath from the content before the scheduler writes meta_info', () => {
      const fromCompiled: Run = { uuid: UUID, content: compiled({ rewritePath: true }), ...ns };
      const fromRaw: Run = { uuid: UUID, content: 'not json', raw_content: operation({ rewritePath: true }), ...ns };
      for (const run of [fromCompiled, fromRaw]) {
        assert.strictEqual(isRewritePath(run), true);
        assert.match(serviceUrl(HOST, ref, run), /\/rewrite-services\/v1\//);
      }
      assert.strictEqual(isRewritePath({ uuid: UUID, content: '{"kind":"operation"' }), false);
    });

    it('v2 adds the first port, else 80', () => {
      const withPorts: Run = { uuid: UUID, meta_info: { rewrite_path: true, ports: [8080, 9000] }, ...ns };
      assert.strictEqual(
        serviceUrl(HOST, ref, withPorts, { v2: true }),
        `${HOST}/rewrite-services/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/8080/`,
      );
      const noPorts: Run = { uuid: UUID, ...ns };
      assert.strictEqual(
        serviceUrl(HOST, ref, noPorts, { v2: true }),
        `${HOST}/services/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/80/`,
      );
    });

    it('v2 uses the external prefixes for external services', () => {
      const run: Run = { uuid: UUID, meta_info: { is_external: true, rewrite_path: true, ports: [8501] }, ...ns };
      assert.strictEqual(
        serviceUrl(HOST, ref, run, { v2: true }),
        `${HOST}/rewrite-external/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/8501/`,
      );
    });

    it('always ends with one slash and falls back to the polyaxon namespace', () => {
      const url = serviceUrl(`${HOST}//`, ref, { uuid: UUID });
      assert.strictEqual(url, `${HOST}/services/v1/polyaxon/default/my-project-alice/runs/${UUID}/`);
    });

    it('reads the recorded CE run like `polyaxon ops service` would', function () {
      const file = path.join(SHARED_POLYAXON, 'recorded/run-get.vscode.running.json');
      if (!fs.existsSync(file)) {
        console.log(`    skipped: ${path.dirname(file)} is not available`);
        this.skip();
      }
      const run = JSON.parse(fs.readFileSync(file, 'utf8')).response.body as Run;
      assert.strictEqual(serviceUrl(HOST, ref, run), `${HOST}/rewrite-services/v1/polyaxon-v1/default/my-project-alice/runs/${UUID}/`);
      assert.deepStrictEqual(servicePorts(run), [8080]);
    });
  });

  describe('servicePorts', () => {
    it('prefers meta_info.ports, then the compiled spec, then the submitted operation', () => {
      assert.deepStrictEqual(servicePorts({ uuid: UUID, meta_info: { ports: [1] }, content: compiled({ ports: [2] }) }), [1]);
      assert.deepStrictEqual(servicePorts({ uuid: UUID, content: compiled({ ports: [8888] }) }), [8888]);
      assert.deepStrictEqual(servicePorts({ uuid: UUID, raw_content: operation({ ports: [8080] }) }), [8080]);
      assert.deepStrictEqual(servicePorts({ uuid: UUID }), []);
    });
  });

  describe('UI urls', () => {
    it('builds the run and embedded service pages', () => {
      assert.strictEqual(runUiUrl(HOST, ref), `${HOST}/ui/default/my-project-alice/runs/${UUID}/`);
      assert.strictEqual(runServiceUiUrl(`${HOST}/`, ref), `${HOST}/ui/default/my-project-alice/runs/${UUID}/service/`);
    });
  });

  describe('normaliseHost', () => {
    it('trims, strips trailing slashes and adds http://', () => {
      assert.strictEqual(normaliseHost('  http://localhost:8117/  '), HOST);
      assert.strictEqual(normaliseHost('localhost:8117'), HOST);
      assert.strictEqual(normaliseHost('https://polyaxon.example.com///'), 'https://polyaxon.example.com');
      assert.strictEqual(normaliseHost('https://example.com/polyaxon/'), 'https://example.com/polyaxon');
    });

    it('throws a clear error for what is not an http(s) URL', () => {
      assert.throws(() => normaliseHost(''), /empty/);
      assert.throws(() => normaliseHost('http://exa mple.com'), /not a valid Polyaxon host URL/);
      assert.throws(() => normaliseHost('ftp://example.com'), /only http:\/\/ and https:\/\//);
    });
  });
});
