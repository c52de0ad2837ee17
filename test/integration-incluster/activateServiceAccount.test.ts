// Activate Cloud Service Account: the key from $GOOGLE_APPLICATION_CREDENTIALS, gcloud in a terminal.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateServiceAccount } from '../../src/commands/activateServiceAccount';
import { commandDeps, RecordingPrompts, RecordingTerminals, tempDir, useExtensionPrompts } from './fixtures';

describe('Activate Cloud Service Account', () => {
  it('says clearly when the key file from $GOOGLE_APPLICATION_CREDENTIALS is missing', async () => {
    const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    assert.ok(keyFile, 'run this suite with GOOGLE_APPLICATION_CREDENTIALS pointing at a missing file');
    const prompts = new RecordingPrompts();
    const restore = await useExtensionPrompts(prompts);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('polyaxon.activateServiceAccount'), undefined);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.shown[0].severity, 'error');
    assert.strictEqual(
      prompts.shown[0].message,
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
    assert.strictEqual(messages[1], `${notKey} (from $GOOGLE_APPLICATION_CREDENTIALS) is not a service-account key: its "type" is "authorized_user", not "service_account" (user credentials cannot be activated this way).`);
    assert.match(messages[2], /^gcloud is not on PATH\./);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('runs the guide\'s gcloud command with the key\'s client_email', async () => {
    const dir = await tempDir('plx-gcloud-');
    const key = path.join(dir, 'key.json');
    await fs.writeFile(key, JSON.stringify({ type: 'service_account', client_email: 'sa@proj.iam.gserviceaccount.com' }));
    await fs.writeFile(path.join(dir, 'gcloud'), '#!/bin/sh\n', { mode: 0o755 });
    const terminals = new RecordingTerminals();
    const command = await activateServiceAccount(commandDeps({ prompts: new RecordingPrompts(), terminals, env: { GOOGLE_APPLICATION_CREDENTIALS: key, PATH: dir } }));
    const expected = 'gcloud auth activate-service-account sa@proj.iam.gserviceaccount.com --key-file="$GOOGLE_APPLICATION_CREDENTIALS"';
    assert.strictEqual(command, expected);
    assert.deepStrictEqual(terminals.runs, [{ command: expected, name: 'gcloud', env: { GOOGLE_APPLICATION_CREDENTIALS: key } }]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
