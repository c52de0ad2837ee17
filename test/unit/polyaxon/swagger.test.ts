// Every request the client makes must be an operation of the v1.11.3 swagger: path template, method,
// declared query parameters, and body fields of the body schema.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { vscodeOperation } from './helpers';
import { SHARED_POLYAXON } from '../sharedFacts';

const SWAGGER = path.join(SHARED_POLYAXON, 'polyaxon_sdk.swagger.v1.11.3.json');

interface Parameter {
  name: string;
  in: string;
  schema?: { $ref?: string };
}
interface Operation {
  parameters?: Parameter[];
}
interface Swagger {
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
}

/** The operations whose template matches the path, e.g. /api/v1/{owner}/{name}/runs for /api/v1/default/p/runs. */
function operationsFor(swagger: Swagger, method: string, path: string): { template: string; op: Operation }[] {
  return Object.entries(swagger.paths)
    .filter(([template]) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
    .flatMap(([template, ops]) => (ops[method.toLowerCase()] ? [{ template, op: ops[method.toLowerCase()] }] : []));
}

function bodyFields(swagger: Swagger, op: Operation): Set<string> | undefined {
  const ref = op.parameters?.find((p) => p.in === 'body')?.schema?.$ref;
  if (!ref) return undefined;
  return new Set(Object.keys(swagger.definitions[ref.replace('#/definitions/', '')]?.properties ?? {}));
}

describe('client requests conform to the v1.11.3 swagger', function () {
  let swagger: Swagger;
  let fake: FakePolyaxon;

  before(async function () {
    if (!fs.existsSync(SWAGGER)) {
      console.log(`    skipped: ${SWAGGER} is not available`);
      this.skip();
    }
    swagger = JSON.parse(fs.readFileSync(SWAGGER, 'utf8')) as Swagger;
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
  });
  after(() => fake?.close());

  it('for every client method', async () => {
    const client = new PolyaxonClient({ host: fake.url, token: 't' });
    const owner = 'default';
    await client.getInstallation();
    await client.createProject(owner, { name: 'conform', description: 'd', tags: ['t'] });
    await client.listProjects(owner, { query: 'name:conform', sort: '-created_at', limit: 1, offset: 0 });
    const ref = { owner, project: 'conform' };
    await client.getProject(ref);
    const created = await client.createRun(ref, { content: vscodeOperation(), is_managed: true, name: 'n', description: 'd', tags: ['t'] });
    for (let i = 0; i < 3; i++) fake.addRun('conform', { kind: 'service' });
    await client.listRuns(ref, { query: 'kind:service', sort: '-created_at', limit: 1, offset: 1 });
    const runRef = { ...ref, uuid: created.uuid };
    await client.getRun(runRef);
    await client.getStatuses(runRef);
    const namespace = await client.getNamespace(runRef);
    fake.setStatus('conform', created.uuid, 'running');
    await client.getLogs({ ...runRef, namespace }, { lastTime: '2026-01-01T00:00:00Z' });
    await client.stopRun(runRef);
    await client.getLogs({ ...runRef, namespace }, { lastFile: 'x', force: true });
    await client.restartRun(runRef, { name: 'again', description: 'd', tags: ['t'], content: vscodeOperation() });
    await client.restartRun(runRef);
    await client.deleteRun(runRef);

    const seen = new Set<string>();
    for (const req of fake.requests) {
      const url = new URL(req.path, fake.url);
      const where = `${req.method} ${req.path}`;
      const matches = operationsFor(swagger, req.method, url.pathname);
      assert.ok(matches.length > 0, `${where} is not an operation of the swagger`);
      const [{ template, op }] = matches;
      seen.add(`${req.method} ${template}`);
      const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
      for (const name of url.searchParams.keys()) assert.ok(declared.has(name), `${where}: query parameter ${name} is not declared`);
      const fields = bodyFields(swagger, op);
      if (req.body !== undefined && req.body !== null && req.body !== '') {
        assert.ok(fields, `${where} sends a body the swagger does not declare`);
        for (const key of Object.keys(req.body as object)) assert.ok(fields.has(key), `${where}: body field ${key} is not in the schema`);
      }
    }
    assert.deepStrictEqual([...seen].sort(), [
      'DELETE /api/v1/{owner}/{entity}/runs/{uuid}',
      'GET /api/v1/installation',
      'GET /api/v1/{owner}/projects/list',
      'GET /api/v1/{owner}/{entity}/runs/{uuid}',
      'GET /api/v1/{owner}/{entity}/runs/{uuid}/namespace',
      'GET /api/v1/{owner}/{entity}/runs/{uuid}/statuses',
      'GET /api/v1/{owner}/{name}',
      'GET /api/v1/{owner}/{name}/runs',
      'GET /streams/v1/{namespace}/{owner}/{project}/runs/{uuid}/logs',
      'POST /api/v1/{owner}/projects/create',
      'POST /api/v1/{owner}/{entity}/runs/{uuid}/stop',
      'POST /api/v1/{owner}/{project}/runs',
      'POST /api/v1/{owner}/{project}/runs/{run.uuid}/restart',
    ]);
  });
});
