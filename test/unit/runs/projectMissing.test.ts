import * as assert from 'assert';
import type { PolyaxonClient } from '../../../src/polyaxon/client';
import { PolyaxonError } from '../../../src/polyaxon/errors';
import { ServicesModel } from '../../../src/runs/servicesModel';
import { projectMissingText } from '../../../src/servicesView/statusBarText';

const missing = (project: string) =>
  new PolyaxonError({
    kind: 'projectNotFound',
    message: `Could not list the runs of default/${project}: the project does not exist.`,
    host: 'http://localhost:8000',
    method: 'GET',
    path: `/api/v1/default/${project}/runs`,
  });

/** A server on which only the projects in `existing` exist (and have no services). */
function modelFor(projects: string[], existing: string[]): ServicesModel {
  const client = {
    listRuns: (ref: { project: string }) =>
      existing.includes(ref.project) ? Promise.resolve({ count: 0, results: [] }) : Promise.reject(missing(ref.project)),
  } as unknown as PolyaxonClient;
  return new ServicesModel({
    connection: () => Promise.resolve({ client, host: 'http://localhost:8000', owner: 'default', hostSource: 'setting' }),
    projectNames: () => projects,
    filter: () => 'active',
  });
}

describe('a project that does not exist', () => {
  it('puts the Services view in the projectMissing state (its welcome offers Create / Select Project)', async () => {
    const model = modelFor(['vscode-alice'], []);
    try {
      await model.refresh();
      assert.strictEqual(model.state, 'projectMissing');
    } finally {
      model.dispose();
    }
  });

  it('keeps listing when another listed project exists', async () => {
    const model = modelFor(['gone', 'here'], ['here']);
    try {
      await model.refresh();
      assert.strictEqual(model.state, 'ok');
    } finally {
      model.dispose();
    }
  });

  it('says on the status bar that the project is missing, not "0 running"', () => {
    const t = projectMissingText(['vscode-alice'], 'http://localhost:8000');
    assert.strictEqual(t.text, '$(warning) Polyaxon: project missing');
    assert.match(t.summary, /"vscode-alice" does not exist on http:\/\/localhost:8000/);
  });
});
