import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import {
  buildAndPushSteps,
  checkImageName,
  dockerfileProblem,
  dockerfileKind,
  gcpProjectFromEnv,
  suggestImage,
} from '../../../src/inCluster/devImage';

describe('devenv/devImage', () => {
  it('recognises the template Dockerfiles', () => {
    assert.strictEqual(dockerfileKind('/ws/docker/my-repo-poly-vscode.Dockerfile'), 'vscode');
    assert.strictEqual(dockerfileKind('docker/my-repo-jupyter.Dockerfile'), 'jupyter');
    assert.strictEqual(dockerfileKind('docker/my-repo-gpu.Dockerfile'), undefined);
    assert.strictEqual(dockerfileKind('docker/-jupyter.Dockerfile'), undefined);
  });

  it('suggests images like the guide, next to the other kind when known', () => {
    assert.strictEqual(suggestImage('vscode', { gcpProject: 'proj' }), 'asia.gcr.io/proj/vscode-server:0.1.0');
    assert.strictEqual(suggestImage('jupyter', {}), 'asia.gcr.io/<gcp-project-id>/jupyter:0.1.0');
    assert.strictEqual(
      suggestImage('jupyter', { otherImage: 'registry.example.com:5000/team/repo/vscode-server:0.3.0', gcpProject: 'x' }),
      'registry.example.com:5000/team/repo/jupyter:0.1.0',
    );
    assert.strictEqual(suggestImage('vscode', { otherImage: 'eu.gcr.io/p/jupyter@sha256:abc' }), 'eu.gcr.io/p/vscode-server:0.1.0');
    assert.strictEqual(gcpProjectFromEnv({ CLOUDSDK_CORE_PROJECT: 'b', GCP_PROJECT_ID: ' a ' }), 'a');
    assert.strictEqual(gcpProjectFromEnv({ GCP_PROJECT_ID: '' }), undefined);
  });

  it('checks image references', () => {
    for (const ok of ['asia.gcr.io/proj/vscode-server:0.1.0', 'localhost:5000/x:dev', 'library/ubuntu:22.04', 'jupyter:latest']) {
      assert.strictEqual(checkImageName(ok), undefined, ok);
    }
    assert.match(checkImageName('asia.gcr.io/<gcp-project-id>/jupyter:0.1.0') ?? '', /placeholder/);
    assert.match(checkImageName('asia.gcr.io/proj/vscode-server') ?? '', /Add a tag/);
    assert.match(checkImageName('localhost:5000/x') ?? '', /Add a tag/);
    assert.match(checkImageName('asia.gcr.io/Proj/x:1') ?? '', /lowercase/);
    assert.match(checkImageName('x:bad tag') ?? '', /not a valid tag/);
    assert.match(checkImageName('') ?? '', /Enter the image/);
  });

  it('runs docker build, then docker push, like the guide, each with its own arguments', () => {
    assert.deepStrictEqual(buildAndPushSteps('asia.gcr.io/p/vscode-server:0.1.0', "docker/it's repo-poly-vscode.Dockerfile"), [
      {
        title: 'Build asia.gcr.io/p/vscode-server:0.1.0',
        command: 'docker',
        args: ['build', '-t', 'asia.gcr.io/p/vscode-server:0.1.0', '-f', "docker/it's repo-poly-vscode.Dockerfile", '.'],
      },
      { title: 'Push asia.gcr.io/p/vscode-server:0.1.0', command: 'docker', args: ['push', 'asia.gcr.io/p/vscode-server:0.1.0'] },
    ]);
  });

  it('for a VS Code image, builds again from the bake context under the same tag before the push', () => {
    const image = 'asia.gcr.io/p/vscode-server:0.1.0';
    const context = path.join(os.tmpdir(), 'polyaxon-bake-x');
    assert.deepStrictEqual(
      buildAndPushSteps(image, 'docker/r-poly-vscode.Dockerfile', context).map((s) => [s.title, s.command, ...s.args]),
      [
        [`Build ${image}`, 'docker', 'build', '-t', image, '-f', 'docker/r-poly-vscode.Dockerfile', '.'],
        [`Add Polyaxon Dev Environments to ${image}`, 'docker', 'build', '-t', image, '-f', path.join(context, 'Dockerfile'), context],
        [`Push ${image}`, 'docker', 'push', image],
      ],
    );
  });

  it('refuses a Dockerfile path with a control character, and takes every other character as it is', () => {
    for (const c of ['\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u2028']) {
      assert.match(
        dockerfileProblem(`docker/a${c}b-poly-vscode.Dockerfile`) ?? '',
        /holds a control character \(U\+[0-9A-F]{4}\), which is refused/,
        JSON.stringify(c),
      );
    }
    for (const name of ["a'b", 'a"b', 'a`id`b', 'a$(id)b', 'a;b', 'a && b', 'a b', 'ä日本😀', "a'; touch /tmp/pwned; echo '"]) {
      assert.strictEqual(dockerfileProblem(`docker/${name}-poly-vscode.Dockerfile`), undefined, name);
    }
  });
});
