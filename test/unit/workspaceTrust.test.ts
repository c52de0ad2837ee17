// What an untrusted workspace can steer, read from the manifest VS Code enforces.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

type Context = Record<string, string | boolean>;

/** Evaluates the when-clause subset the manifest uses: keys, `!`, `&&`, `||`, parentheses and `key =~ /re/flags`. */
function evaluate(when: string, context: Context): boolean {
  const tokens = when.match(/\/(?:\\.|[^/\\])+\/[a-z]*|&&|\|\||=~|[()!]|[\w.]+/g) ?? [];
  let i = 0;
  const or = (): boolean => {
    let value = and();
    while (tokens[i] === '||') {
      i++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = (): boolean => {
    let value = unary();
    while (tokens[i] === '&&') {
      i++;
      const right = unary();
      value = value && right;
    }
    return value;
  };
  const unary = (): boolean => {
    const token = tokens[i++];
    if (token === '!') return !unary();
    if (token === '(') {
      const value = or();
      assert.strictEqual(tokens[i++], ')');
      return value;
    }
    if (tokens[i] === '=~') {
      const literal = tokens[i + 1];
      i += 2;
      const m = /^\/(.*)\/([a-z]*)$/.exec(literal);
      assert.ok(m, `not a regex: ${literal}`);
      return new RegExp(m[1], m[2]).test(String(context[token] ?? ''));
    }
    return Boolean(context[token]);
  };
  const value = or();
  assert.strictEqual(i, tokens.length, `unparsed rest of ${when}`);
  return value;
}

function resource(file: string, trusted: boolean): Context {
  return {
    isWorkspaceTrusted: trusted,
    resourcePath: file,
    resourceFilename: path.posix.basename(file),
    resourceDirname: path.posix.dirname(file),
    resourceExtname: path.posix.extname(file),
  };
}

describe('workspace trust in the manifest', () => {
  it('restricts every setting a hostile repository could use to choose a file, a command or a target', () => {
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of [
      'polyaxon.polyaxonfiles.vscode',
      'polyaxon.polyaxonfiles.jupyter',
      'polyaxon.workspaceRoot',
      'polyaxon.gcloud.serviceAccount',
      'polyaxon.project',
      'polyaxon.projects',
      'polyaxon.owner',
    ]) {
      assert.ok(restricted.includes(key), `${key} is not restricted`);
    }
    const settings = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    assert.ok(
      restricted.every((key) => key in settings),
      `restricted but not contributed: ${restricted.filter((k) => !(k in settings))}`,
    );
    // Settings a workspace cannot set at all (application scope) need no restriction; every other one is weighed here.
    const workspaceSettable = Object.keys(settings).filter((key) => settings[key].scope !== 'application');
    const harmless = ['polyaxon.openOnLaunch', 'polyaxon.statusBar.enabled', 'polyaxon.git.manageTerminalAuthentication'];
    assert.ok(workspaceSettable.length > 0);
    assert.deepStrictEqual(
      workspaceSettable.filter((key) => !restricted.includes(key) && !harmless.includes(key)),
      [],
    );
  });

  const menuWhens = ['explorer/context', 'editor/title/context'].map((menu) => {
    const entry = manifest.contributes.menus[menu].find((m: { command: string }) => m.command === 'polyaxon.launchFromPolyaxonfile');
    assert.ok(entry?.when, `${menu} has the launch entry`);
    return [menu, entry.when as string] as const;
  });

  it('offers "Launch Service from Polyaxonfile…" only on files that can be polyaxonfiles', () => {
    const offered = [
      '/ws/aisg-context/polyaxon/polyaxonfiles/vscode-service.yml',
      '/ws/polyaxonfiles/sub/lab.yaml',
      '/ws/ops/polyaxonfile.yml',
      '/ws/train.polyaxonfile.yaml',
    ];
    const notOffered = [
      '/ws/.github/workflows/ci.yml',
      '/ws/docker-compose.yml',
      '/ws/my-polyaxonfiles/x.yml',
      '/ws/polyaxonfiles/readme.md',
      '/ws/polyaxonfiles.yml.bak',
    ];
    for (const [menu, when] of menuWhens) {
      for (const file of offered) assert.ok(evaluate(when, resource(file, true)), `${menu}: not offered on ${file}`);
      for (const file of notOffered) assert.ok(!evaluate(when, resource(file, true)), `${menu}: offered on ${file}`);
    }
  });

  it('does not offer it on workspace files in an untrusted workspace', () => {
    for (const [menu, when] of menuWhens) {
      assert.ok(!evaluate(when, resource('/ws/aisg-context/polyaxon/polyaxonfiles/vscode-service.yml', false)), menu);
    }
  });
});
