import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('package.json: the managed port-forward', () => {
  it('keeps polyaxon.kubectlPath out of reach of a workspace (it names a program to run)', () => {
    assert.strictEqual(manifest.contributes.configuration.properties['polyaxon.kubectlPath'].scope, 'machine');
  });

  it('offers Connect, Reconnect and Disconnect nowhere inside a Polyaxon service', () => {
    const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
    const entries = palette.filter((m) => /Cluster$/.test(m.command));
    assert.deepStrictEqual(entries.map((m) => m.command).sort(), [
      'polyaxon.connectCluster',
      'polyaxon.disconnectCluster',
      'polyaxon.reconnectCluster',
    ]);
    for (const m of entries) assert.strictEqual(m.when, '!polyaxon.inCluster', m.command);
    const title = manifest.contributes.menus['view/title'].filter((m: { command: string }) => m.command === 'polyaxon.connectCluster');
    assert.strictEqual(title.length, 1);
    assert.match(title[0].when, /!polyaxon\.inCluster/);
    const welcome = manifest.contributes.viewsWelcome.filter((w: { contents: string }) =>
      w.contents.includes('command:polyaxon.connectCluster'),
    );
    assert.strictEqual(welcome.length, 1);
    assert.match(welcome[0].when, /!polyaxon\.inCluster/);
  });
});
