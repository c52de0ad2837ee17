import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_STATUSES, isDone } from '../../../src/polyaxon/statuses';
import { serviceContextValue } from '../../../src/servicesView/contextValue';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8'));
const itemMenus: { command: string; when: string }[] = manifest.contributes.menus['view/item/context'];

/** The commands package.json shows on a tree item with this contextValue (the `viewItem =~ /…/` part of `when`). */
function menuFor(contextValue: string): Set<string> {
  return new Set(
    itemMenus
      .filter((m) => {
        const match = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(m.when);
        return match ? new RegExp(match[1].replace(/\\\\/g, '\\')).test(contextValue) : false;
      })
      .map((m) => m.command),
  );
}

describe('service contextValue and its menus', () => {
  it('offers Open and Copy URL only on running services, and Stop only on services that are not done', () => {
    for (const status of ALL_STATUSES) {
      const menu = menuFor(serviceContextValue({ uuid: 'u', status, tags: ['vscode'] }));
      assert.strictEqual(menu.has('polyaxon.openInWebview'), status === 'running', `${status}: open`);
      assert.strictEqual(menu.has('polyaxon.copyUrl'), status === 'running', `${status}: a URL that works only while it runs`);
      assert.strictEqual(menu.has('polyaxon.stop'), !isDone(status), `${status}: stop`);
      for (const always of ['polyaxon.showLogs', 'polyaxon.delete', 'polyaxon.restart']) {
        assert.ok(menu.has(always), `${status}: ${always}`);
      }
    }
  });

  it('tags Jupyter services (for Use as Notebook Kernel), and nothing no menu reads', () => {
    assert.strictEqual(serviceContextValue({ uuid: 'u', status: 'running', tags: ['jupyter'] }), 'service+running+stoppable+jupyter');
    assert.strictEqual(serviceContextValue({ uuid: 'u', status: 'stopped', name: 'vscode-service' }), 'service+stopped');
  });

  it('gives project rows only the launch actions', () => {
    assert.deepStrictEqual([...menuFor('project')].sort(), ['polyaxon.launchJupyter', 'polyaxon.launchVSCode']);
  });
});
