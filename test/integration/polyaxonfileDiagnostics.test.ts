// Problems of a polyaxonfile in the workspace show in the Problems panel with file, line and column, and follow edits.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extension, waitFor } from './helpers';

const BROKEN = [
  'version: 1.1',
  'kind: component',
  'inputs:',
  '  - name: DOCKER_IMAGE',
  '    type: strr',
  '    isOptional: true',
  '    value: codercom/code-server:4.23.1',
  'run:',
  '  kind: service',
  '  ports: [8080]',
  '  container:',
  '    image: "{{ DOCKER_IMAGE }}"',
  '    workingDir: "{{ WORK_DIR }}"',
  '',
].join('\n');

const polyaxonDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Polyaxon');

describe('polyaxonfile diagnostics', () => {
  let dir: string;
  before(async () => {
    await extension().activate();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the test VS Code has a workspace folder');
    dir = path.join(folder, 'diagnostics-test', 'polyaxonfiles');
    fs.mkdirSync(dir, { recursive: true });
  });
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('puts each problem of a broken polyaxonfile in the Problems panel at its line and column', async () => {
    const file = path.join(dir, 'broken-service.yml');
    fs.writeFileSync(file, BROKEN);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const diagnostics = await waitFor(() => {
      const found = polyaxonDiagnostics(doc.uri);
      return found.length >= 2 ? found : undefined;
    }, 'the polyaxonfile problems are listed');
    const type = diagnostics.find((d) => d.code === 'inputs[0].type');
    assert.ok(type, diagnostics.map((d) => d.message).join('\n'));
    assert.strictEqual(type.range.start.line, 4);
    assert.strictEqual(doc.getText(type.range), 'strr');
    assert.match(type.message, /Unknown type/);
    assert.strictEqual(type.severity, vscode.DiagnosticSeverity.Error);
    const undeclared = diagnostics.find((d) => /WORK_DIR is not declared in inputs/.test(d.message));
    assert.ok(undeclared, 'the undeclared {{ WORK_DIR }}');
    assert.strictEqual(undeclared.range.start.line, 12);

    // Fixing the file clears them.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => {
      e.replace(type.range, 'str');
      e.replace(undeclared.range, '"/polyaxon-v1-data"');
    });
    await waitFor(() => polyaxonDiagnostics(doc.uri).length === 0, 'no problem is left once the file is fixed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves YAML files that are not polyaxonfiles alone', async () => {
    const file = path.join(path.dirname(dir), 'docker-compose.yml');
    fs.writeFileSync(file, 'services:\n  app: {image: "{{ NOPE }}"}\nrun: [\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    // A polyaxonfile opened after it gets its diagnostics: by then this one has been looked at too.
    const marker = path.join(dir, 'marker.yml');
    fs.writeFileSync(marker, 'version: 1.1\nkind: component\nrun: [\n');
    const markerDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(marker));
    await waitFor(() => polyaxonDiagnostics(markerDoc.uri).length > 0, 'the polyaxonfile opened after it is checked');
    assert.deepStrictEqual(polyaxonDiagnostics(doc.uri), []);
  });
});
