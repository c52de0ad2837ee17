// Activate Cloud Service Account: the key from $GOOGLE_APPLICATION_CREDENTIALS, gcloud in a terminal.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { promisify } from 'util';
import * as vscode from 'vscode';
import { activateServiceAccount } from '../../src/inCluster/vscode/activateServiceAccount';
import { windowTerminals } from '../../src/inCluster/vscode/devEnvCommands';
import { waitFor } from '../integration/helpers';
import { commandDeps, executeWithRecordedPrompts, RecordingPrompts, RecordingTerminals, tempDir } from './fixtures';

/** A token endpoint on 127.0.0.1: what Google's oauth2 token_uri answers to gcloud's JWT grant. */
async function startTokenEndpoint(): Promise<{ url: string; posts: number; close: () => Promise<void> }> {
  const state = { posts: 0 };
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      if (req.method === 'POST') state.posts++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: 'ya29.local-test', expires_in: 3600, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/token`,
    get posts() {
      return state.posts;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const gcloudPath = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v gcloud'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

describe('Activate Cloud Service Account', () => {
  it('says clearly when the key file from $GOOGLE_APPLICATION_CREDENTIALS is missing', async () => {
    const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    assert.ok(keyFile, 'run this suite with GOOGLE_APPLICATION_CREDENTIALS pointing at a missing file');
    const { result, shown } = await executeWithRecordedPrompts('polyaxon.activateServiceAccount');
    assert.strictEqual(result, undefined);
    assert.strictEqual(shown[0].severity, 'error');
    assert.strictEqual(
      shown[0].message,
      `The key file ${keyFile} (from $GOOGLE_APPLICATION_CREDENTIALS) does not exist. Is the service-account secret mounted in this service?`,
    );
  });

  it('says when the variable is unset, the file is not a key, or gcloud is missing', async () => {
    const dir = await tempDir('plx-gcloud-');
    const notKey = path.join(dir, 'user.json');
    await fs.writeFile(notKey, JSON.stringify({ type: 'authorized_user' }));
    const prompts = new RecordingPrompts();
    await activateServiceAccount(commandDeps({ prompts, env: { PATH: process.env.PATH } }));
    await activateServiceAccount(commandDeps({ prompts, env: { GOOGLE_APPLICATION_CREDENTIALS: notKey, PATH: process.env.PATH } }));
    const key = path.join(dir, 'key.json');
    await fs.writeFile(key, JSON.stringify({ type: 'service_account', client_email: 'sa@proj.iam.gserviceaccount.com' }));
    await activateServiceAccount(commandDeps({ prompts, env: { GOOGLE_APPLICATION_CREDENTIALS: key, PATH: dir } }));
    const messages = prompts.shown.map((s) => s.message);
    assert.strictEqual(messages.length, 3);
    assert.match(messages[0], /^GOOGLE_APPLICATION_CREDENTIALS is not set, so there is no service-account key to activate/);
    assert.strictEqual(
      messages[1],
      `${notKey} (from $GOOGLE_APPLICATION_CREDENTIALS) is not a service-account key: its "type" is "authorized_user", not "service_account" (user credentials cannot be activated this way).`,
    );
    assert.match(messages[2], /^gcloud is not on PATH\./);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('activates the account with the real gcloud, in a terminal, offline', async function () {
    if (!gcloudPath) {
      console.log("      skipped: gcloud is not installed on this machine (every machine of this project's kind has it)");
      this.skip();
    }
    this.timeout(120_000);
    const dir = await tempDir('plx-gcloud-real-');
    const tokens = await startTokenEndpoint();
    try {
      const pem = execFileSync('openssl', ['genrsa', '2048'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const account = 'dev-env-test@my-gcp-project.iam.gserviceaccount.com';
      const key = path.join(dir, 'key.json');
      await fs.writeFile(
        key,
        JSON.stringify({
          type: 'service_account',
          project_id: 'my-gcp-project',
          private_key_id: 'k1',
          private_key: pem,
          client_email: account,
          client_id: '1',
          token_uri: tokens.url,
          auth_uri: 'http://127.0.0.1/auth',
        }),
      );
      const cloudsdkConfig = path.join(dir, 'gcloud-config'); // throwaway: never the user's own gcloud state
      const terminals = {
        run: (command: string, options: Parameters<typeof windowTerminals.run>[1]) =>
          windowTerminals.run(command, {
            ...options,
            env: { ...options.env, CLOUDSDK_CONFIG: cloudsdkConfig, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
          }),
      };
      await activateServiceAccount(
        commandDeps({ prompts: new RecordingPrompts(), terminals, env: { GOOGLE_APPLICATION_CREDENTIALS: key, PATH: process.env.PATH } }),
      );
      const listed = async () => {
        const { stdout } = await promisify(execFile)(gcloudPath!, ['auth', 'list', '--format=value(account)'], {
          env: { ...process.env, CLOUDSDK_CONFIG: cloudsdkConfig },
        });
        return stdout.split('\n').includes(account);
      };
      await waitFor(listed, `gcloud auth list shows ${account}`, 90_000, 500);
      assert.ok(tokens.posts > 0, "gcloud fetched a token from the key's token_uri");
    } finally {
      for (const t of vscode.window.terminals.filter((term) => term.name === 'gcloud')) t.dispose();
      await tokens.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("runs the guide's gcloud command with the key's client_email", async () => {
    const dir = await tempDir('plx-gcloud-');
    const key = path.join(dir, 'key.json');
    await fs.writeFile(key, JSON.stringify({ type: 'service_account', client_email: 'sa@proj.iam.gserviceaccount.com' }));
    await fs.writeFile(path.join(dir, 'gcloud'), '#!/bin/sh\n', { mode: 0o755 });
    const terminals = new RecordingTerminals();
    const command = await activateServiceAccount(
      commandDeps({ prompts: new RecordingPrompts(), terminals, env: { GOOGLE_APPLICATION_CREDENTIALS: key, PATH: dir } }),
    );
    const expected = 'gcloud auth activate-service-account sa@proj.iam.gserviceaccount.com --key-file="$GOOGLE_APPLICATION_CREDENTIALS"';
    assert.strictEqual(command, expected);
    assert.deepStrictEqual(terminals.runs, [{ command: expected, name: 'gcloud', env: { GOOGLE_APPLICATION_CREDENTIALS: key } }]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
