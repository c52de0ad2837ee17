import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { activateCommand, findOnPath, parseServiceAccountKey } from '../../../src/inCluster/serviceAccountKey';

describe('devenv/serviceAccountKey', () => {
  it('reads client_email and project_id from a service-account key', () => {
    const key = JSON.stringify({
      type: 'service_account',
      project_id: 'proj',
      client_email: 'sa@proj.iam.gserviceaccount.com',
      private_key: '…',
    });
    assert.deepStrictEqual(parseServiceAccountKey(key), { ok: true, clientEmail: 'sa@proj.iam.gserviceaccount.com', projectId: 'proj' });
  });

  it('says why a file is not a service-account key', () => {
    const reason = (text: string) => {
      const check = parseServiceAccountKey(text);
      return check.ok ? '' : check.reason;
    };
    assert.match(reason('not json'), /not JSON/);
    assert.match(reason('[]'), /not a JSON object/);
    assert.match(reason(JSON.stringify({ type: 'authorized_user', client_id: 'x' })), /"authorized_user", not "service_account"/);
    assert.match(reason(JSON.stringify({ type: 'service_account' })), /no "client_email"/);
  });

  it('finds executables on PATH only', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plx-path-'));
    try {
      await fs.writeFile(path.join(dir, 'gcloud'), '#!/bin/sh\n', { mode: 0o755 });
      await fs.writeFile(path.join(dir, 'notexec'), '', { mode: 0o644 });
      await fs.mkdir(path.join(dir, 'adir'));
      const env = { PATH: ['/nonexistent', dir].join(path.delimiter) };
      assert.strictEqual(await findOnPath('gcloud', env), path.join(dir, 'gcloud'));
      if (process.getuid?.() !== 0) assert.strictEqual(await findOnPath('notexec', env), undefined); // root may execute anything
      assert.strictEqual(await findOnPath('adir', env), undefined);
      assert.strictEqual(await findOnPath('gcloud', {}), undefined);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("builds the guide's gcloud command", () => {
    assert.strictEqual(
      activateCommand('sa@p.iam.gserviceaccount.com', '/var/secrets/key.json', true),
      'gcloud auth activate-service-account sa@p.iam.gserviceaccount.com --key-file="$GOOGLE_APPLICATION_CREDENTIALS"',
    );
    assert.strictEqual(
      activateCommand('sa@p', '/my keys/k.json', false),
      "gcloud auth activate-service-account sa@p --key-file='/my keys/k.json'",
    );
  });
});
