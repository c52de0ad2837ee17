// The product's client on what a real Polyaxon v2 CE (haupt v2.5.2) answered where v2 differs from v1.11.3 in what the
// extension reads: the version, soft deletion, boolean conditions, the logs route, and the new error texts.
import * as assert from 'assert';
import * as http from 'http';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { translateCompileError } from '../../../src/polyaxon/compileErrors';
import { isPolyaxonError, PolyaxonError } from '../../../src/polyaxon/errors';
import { followLogs } from '../../../src/polyaxon/logs';
import { isV2 } from '../../../src/polyaxon/version';
import type { RunStatuses } from '../../../src/polyaxon/types';
import { recordedBody, recordedV2, RecordedV2Server, skipWithoutRecordedV2 } from '../recordedV2';

const PROJECT = { owner: 'default', project: 'my-project-alice' };
const VSCODE = { ...PROJECT, uuid: '35ce7b06eb7a4c68b75dc3763dfe22fe' };
const JUPYTER = { ...PROJECT, uuid: '65d92201da0646d5a2c255de2754614a' };

async function failure(promise: Promise<unknown>): Promise<PolyaxonError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof PolyaxonError, String(e));
    return e;
  }
  assert.fail('expected a PolyaxonError');
}

describe('PolyaxonClient on a real Polyaxon v2.5.2', function () {
  const server = new RecordedV2Server();
  let client: PolyaxonClient;

  before(async function () {
    skipWithoutRecordedV2(this);
    await server.start();
    client = new PolyaxonClient({ host: server.url });
  });
  after(() => server.close());

  it('reads the version from /api/v1/installation (v2 has no /api/v1/version) and knows it is v2', async () => {
    server.answer('installation.json');
    const installation = await client.getInstallation();
    assert.deepStrictEqual([installation.version, installation.dist, installation.mode], ['2.5.2', 'ce', null]);
    assert.strictEqual(isV2(installation), true);
    assert.ok(!server.seen.some((r) => r.includes('/version')), 'never asks for /api/v1/version');
  });

  it('tells an existing project from a missing one, as the launch checks need (v2 adds bookmarked)', async () => {
    server.answer('project-get.json', 'project-get.missing-404.json');
    assert.strictEqual((await client.getProject(PROJECT)).name, 'my-project-alice');
    const missing = await failure(client.getProject({ owner: 'default', project: 'no-such-project' }));
    assert.strictEqual(missing.kind, 'projectNotFound');
  });

  it('reads a softly deleted run (200, live_state -1) as deleted, like the 404 of v1', async () => {
    server.answer('run-get.vscode.after-delete.json', 'run-get.jupyter.after-delete.agent-processed.json');
    for (const ref of [VSCODE, JUPYTER]) {
      const e = await failure(client.getRun(ref));
      assert.strictEqual(e.kind, 'notFound');
      assert.match(
        e.message,
        new RegExp(`Run ${ref.uuid} in "default/my-project-alice" was deleted on Polyaxon at http://127\\.0\\.0\\.1`),
      );
    }
    server.answer('run-statuses.vscode.after-delete.json');
    assert.strictEqual((await failure(client.getStatuses(VSCODE))).kind, 'notFound', 'statuses of a deleted run: 404');
  });

  it('reads a live run as it is, with its v2 fields', async () => {
    server.answer('run-get.vscode.running.json');
    const run = await client.getRun(VSCODE);
    assert.deepStrictEqual(
      [run.status, run.live_state, run.managed_by, run.meta_info],
      ['running', 1, 'agent', { rewrite_path: true, ports: [8080] }],
    );
  });

  it('takes conditions whose status is the boolean true, with the new scheduled step', async () => {
    server.answer('run-statuses.vscode.scheduled.json');
    const statuses = await client.getStatuses(VSCODE);
    assert.strictEqual(statuses.status, 'scheduled');
    assert.deepStrictEqual(
      statuses.status_conditions.map((c) => [c.type, c.status]),
      [
        ['created', true],
        ['compiled', true],
        ['queued', true],
        ['scheduled', true],
      ],
    );
  });

  it('follows the logs of a stopped run at /streams/v1/{namespace}/… on the same host (archived: no last_time)', async () => {
    server.answer('run-get.vscode.stopped.json', 'run-statuses.vscode.stopped.json', 'run-logs.streams.json');
    const lines: unknown[] = [];
    const result = await followLogs(client, VSCODE, { signal: new AbortController().signal, onLines: (l) => lines.push(...l) });
    assert.strictEqual(result, 'done');
    assert.deepStrictEqual(lines, [], 'the recorded archive is empty');
    const logsPath = recordedV2('run-logs.streams.json').request.path;
    assert.ok(server.seen.includes(`GET ${logsPath}?`), `asked ${logsPath}: ${server.seen.join(', ')}`);
  });

  it('says the logs of a deleted run are gone instead of reading them', async () => {
    server.answer('run-get.vscode.after-delete.json');
    const e = await failure(followLogs(client, VSCODE, { signal: new AbortController().signal, onLines: () => undefined }));
    assert.match(e.message, /was deleted/);
  });

  it('shows pydantic errors in words, with what the server said', async () => {
    server.answer('run-create.unknown-field.json');
    const unknownField = await failure(client.createRun(PROJECT, { content: '{}' }));
    assert.strictEqual(unknownField.kind, 'validation');
    assert.match(unknownField.message, /: The compiled operation is not valid: template: not a field Polyaxon knows; remove it$/);
    assert.doesNotMatch(unknownField.message, /\n|type=value_error/);

    server.answer('run-create.invalid-name.operation-name.json');
    const badName = await failure(client.createRun(PROJECT, { content: '{}' }));
    assert.match(
      badName.message,
      /The operation is not valid: name: only letters, digits, '-' and '_' are allowed; name: Field `name_RefField`/,
    );
    assert.match(badName.message, /received `My VS Code!` instead\.$/);
  });

  it('shows the slug error of a bad run or project name in words', async () => {
    for (const file of ['run-create.invalid-name.body-name.json', 'project-create.invalid-name.json']) {
      server.answer(file);
      const call = file.startsWith('run')
        ? client.createRun(PROJECT, { content: '{}' })
        : client.createProject('default', { name: 'My VS Code!' });
      const e = await failure(call);
      assert.strictEqual(e.kind, 'validation');
      assert.match(e.message, /: name: Enter a valid “slug” consisting of letters, numbers, underscores or hyphens\.$/);
    }
  });

  it('translates the v2 compile error of an unknown connection (lower-case "connection")', () => {
    const statuses = recordedBody<RunStatuses>('run-statuses.unknown-connection.failed.json');
    const failed = statuses.status_conditions.find((c) => c.type === 'failed');
    assert.match(String(failed?.message), /Some connection refs/);
    assert.match(String(translateCompileError(failed?.message)?.text), /^this cluster has no connection 'no-such-connection'/);
  });
});

describe('PolyaxonClient on an empty 405 to a POST (haupt answers a failed POST so)', () => {
  // haupt's handler500 view allows only GET, so a POST that fails inside the server (e.g. "database is locked" under
  // SQLite) comes back as 405 with an empty body (recorded-v2/README.md, "Agent watchdog" and "Surprises").
  const server = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(405, { allow: 'GET' }).end()));
  let client: PolyaxonClient;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new PolyaxonClient({ host: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is a server failure (the create may have happened), not a wrong host', async () => {
    const e = await failure(client.createRun(PROJECT, { content: '{}' }));
    assert.ok(isPolyaxonError(e, 'server'), e.kind);
    assert.match(e.message, /the request failed inside Polyaxon .*Check the Polyaxon API pods and their database, then try again\.$/);
  });
});
