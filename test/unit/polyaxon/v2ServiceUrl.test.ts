// The service URL (tab, Open in Browser, Copy URL, the Jupyter server collection) of the runs a real Polyaxon v2.5.2
// created, against the `globals.base_url` its compiler resolved into the same runs: the port is part of the path.
import * as assert from 'assert';
import type { Run } from '../../../src/polyaxon/types';
import { serviceUrl } from '../../../src/polyaxon/urls';
import { recordedBody, skipWithoutRecordedV2 } from '../recordedV2';

const HOST = 'http://localhost:8117';
const PROJECT = { owner: 'default', project: 'my-project-alice' };

/** The base URL v2's compiler put into the run's resolved content. */
function resolvedBaseUrl(run: Run, pattern: RegExp): string {
  const found = pattern.exec(run.content ?? '');
  assert.ok(found, `a resolved base URL in the content of ${run.uuid}`);
  return found[1];
}

describe('the service URL of runs a real Polyaxon v2.5.2 created', function () {
  before(function () {
    skipWithoutRecordedV2(this);
  });

  it('VS Code (rewritePath): /rewrite-services/v1/{namespace}/{owner}/{project}/runs/{uuid}/{port}/, as the compiler resolved it', () => {
    // The VS Code body plus one arg `--base-url={{ globals.base_url }}`: the 201 answer carries it resolved.
    const run = recordedBody<Run>('run-create.vscode.base-url-probe.json');
    const base = resolvedBaseUrl(run, /--base-url=([^"\\]+)/);
    assert.strictEqual(base, `/rewrite-services/v1/polyaxon/default/my-project-alice/runs/${run.uuid}/8080`);
    assert.strictEqual(serviceUrl(HOST, { ...PROJECT, uuid: run.uuid }, run, { v2: true }), `${HOST}${base}/`);
  });

  it('Jupyter (no rewritePath): /services/v1/…/runs/{uuid}/8888/, as the compiler resolved it', () => {
    const run = recordedBody<Run>('run-get.jupyter.queued.json');
    const base = resolvedBaseUrl(run, /(\/services\/v1\/[^"\\ ]+)/);
    assert.strictEqual(base, `/services/v1/polyaxon/default/my-project-alice/runs/${run.uuid}/8888`);
    assert.strictEqual(serviceUrl(HOST, { ...PROJECT, uuid: run.uuid }, run, { v2: true }), `${HOST}${base}/`);
  });

  it('the same from a list item and from the create answer (meta_info.ports; settings.namespace or the chart default)', () => {
    const created = recordedBody<Run>('run-create.vscode.json');
    const listed = recordedBody<{ results: Run[] }>('runs-list.kind-service-and-running.json').results[0];
    for (const run of [created, listed]) {
      assert.strictEqual(
        serviceUrl(HOST, { ...PROJECT, uuid: run.uuid }, run, { v2: true }),
        `${HOST}/rewrite-services/v1/polyaxon/default/my-project-alice/runs/${run.uuid}/8080/`,
      );
    }
  });
});
