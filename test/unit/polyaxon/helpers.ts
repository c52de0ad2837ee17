// Shared bits of the Polyaxon client tests: a valid service operation, fault reset, tiny local servers.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { FakePolyaxon } from '../../fake-polyaxon/server';
import { isPolyaxonError, type PolyaxonErrorKind } from '../../../src/polyaxon/errors';

/** A VS Code service as `polyaxon run` would wrap it: an operation holding the component (API.md §4). */
export function vscodeOperation(): string {
  return JSON.stringify({
    version: 1.1,
    kind: 'operation',
    params: { WORKING_DIR: { value: '/polyaxon-v1-data' } },
    component: {
      version: 1.1,
      kind: 'component',
      name: 'vscode-service',
      tags: ['vscode'],
      inputs: [{ name: 'WORKING_DIR', type: 'str', isOptional: true }],
      run: {
        kind: 'service',
        ports: [8080],
        rewritePath: true,
        container: { image: 'polyaxon/polyaxon-examples:vscode', workingDir: '{{ WORKING_DIR }}' },
      },
    },
  });
}

export function clearFaults(fake: FakePolyaxon): void {
  for (const key of Object.keys(fake.faults) as (keyof FakePolyaxon['faults'])[]) delete fake.faults[key];
}

/** Runs `fn` and checks it fails with a PolyaxonError of `kind`; returns it for more checks. */
export async function rejectsWith(fn: () => Promise<unknown>, kind: PolyaxonErrorKind) {
  try {
    await fn();
  } catch (e) {
    if (!isPolyaxonError(e)) throw e;
    assert.strictEqual(e.kind, kind, `expected ${kind}, got ${e.kind}: ${e.message}`);
    return e;
  }
  assert.fail(`expected a PolyaxonError of kind ${kind}`);
}

/** A local server answering every request with one fixed reply, for shapes the fake does not produce. */
export async function startFixedServer(
  status: number,
  body: string,
  contentType = 'application/json',
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  return listen(server);
}

export async function listen(server: http.Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  const { url, close } = await listen(server);
  await close();
  return Number(new URL(url).port);
}
