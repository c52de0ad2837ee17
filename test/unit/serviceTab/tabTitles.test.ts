import * as assert from 'assert';
import { tabTitles, type NamedTab } from '../../../src/serviceTab/tabTitles';

const tab = (uuid: string, name: string, project: string, host = 'http://localhost:8117'): NamedTab => ({
  key: uuid,
  name,
  project,
  host,
  uuid,
});

describe('the titles of the open service tabs', () => {
  it('are the names alone while they differ', () => {
    const titles = tabTitles([tab('a1', 'vscode-root-1', 'p'), tab('b2', 'jupyter-root-1', 'p')]);
    assert.deepStrictEqual([...titles.values()], ['vscode-root-1', 'jupyter-root-1']);
  });

  it('add the project when two projects have a service of the same name', () => {
    const titles = tabTitles([tab('a1', 'vscode-root-1', 'alice'), tab('b2', 'vscode-root-1', 'bob')]);
    assert.deepStrictEqual([...titles.values()], ['vscode-root-1 · alice', 'vscode-root-1 · bob']);
  });

  it('add the host when two hosts have the same project and name', () => {
    const titles = tabTitles([tab('a1', 'vscode-root-1', 'p'), tab('b2', 'vscode-root-1', 'p', 'https://polyaxon.example.com')]);
    assert.deepStrictEqual([...titles.values()], ['vscode-root-1 · localhost:8117', 'vscode-root-1 · polyaxon.example.com']);
  });

  it('add the run when two runs of one project share a name', () => {
    const titles = tabTitles([tab('aaaaaaaa11', 'vscode-root-1', 'p'), tab('bbbbbbbb22', 'vscode-root-1', 'p')]);
    assert.deepStrictEqual([...titles.values()], ['vscode-root-1 · aaaaaaaa', 'vscode-root-1 · bbbbbbbb']);
  });
});
