// Demo content: the AISG polyaxonfiles (API.md §5) as operations, and a project with services in every state.
import { readOperation, type ParsedOperation } from './read-operation';
import type { Behaviour, RunRecord, Store, StoredRun } from './store';
import { driveTo, submitRun } from './submit';
import type { RunStatus } from '../../src/polyaxon/types';

export type DemoKind = 'vscode' | 'jupyter' | 'job';

const S3_ENV = [
  { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'ecs-s3-credentials', key: 'awsAccessKeyID' } } },
  { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'ecs-s3-credentials', key: 'awsSecretAccessKey' } } },
  { name: 'MLFLOW_S3_ENDPOINT_URL', valueFrom: { secretKeyRef: { name: 'ecs-s3-credentials', key: 'ecsS3EndpointURL' } } },
];

const inputs = (image: string) => [
  { name: 'DOCKER_IMAGE', type: 'str', value: image, isOptional: true },
  { name: 'WORKING_DIR', description: 'The working directory for the job to run in.', type: 'str', isOptional: true },
];

const resources = (memory: string) => ({ requests: { memory, cpu: '2' }, limits: { memory, cpu: '2' } });

function component(kind: DemoKind): Record<string, unknown> {
  if (kind === 'vscode') {
    return {
      version: 1.1,
      kind: 'component',
      name: 'vscode-service',
      description: 'VSCode as development environment for AI engineer.',
      tags: ['vscode'],
      inputs: inputs('registry.aisingapore.net/<PROJECT_REPO>/vscode-server:0.1.0'),
      run: {
        kind: 'service',
        environment: { imagePullSecrets: ['harbor-credentials'] },
        connections: ['fstore-pvc'],
        container: {
          args: ['--auth', 'none', '--disable-telemetry'],
          env: S3_ENV,
          image: '{{ DOCKER_IMAGE }}',
          imagePullPolicy: 'IfNotPresent',
          name: 'polyaxon-main',
          resources: resources('4Gi'),
          workingDir: '{{ WORKING_DIR or globals.run_outputs_path }}',
        },
        ports: [8080],
        rewritePath: true,
      },
    };
  }
  if (kind === 'jupyter') {
    return {
      version: 1.1,
      kind: 'component',
      name: 'jupyterlab-notebook',
      description: 'Jupyter Lab or Notebook as development environment for AI engineer.',
      tags: ['jupyter', 'notebook', 'lab'],
      inputs: inputs('registry.aisingapore.net/<PROJECT_REPO>/jupyter-server:0.1.0'),
      run: {
        kind: 'service',
        environment: { imagePullSecrets: ['harbor-credentials'] },
        connections: ['fstore-pvc'],
        container: {
          args: [
            '--no-browser',
            '--ip=0.0.0.0',
            '--port={{globals.ports[0]}}',
            '--allow-root',
            '--NotebookApp.allow_origin=*',
            '--NotebookApp.trust_xheaders=True',
            '--NotebookApp.token=',
            '--NotebookApp.base_url={{globals.base_url}}',
            '--NotebookApp.notebook_dir={{ WORKING_DIR or globals.run_outputs_path }}',
            '--LabApp.base_url={{globals.base_url}}',
          ],
          command: ['jupyter', 'lab'],
          env: S3_ENV,
          image: '{{ DOCKER_IMAGE }}',
          imagePullPolicy: 'IfNotPresent',
          name: 'polyaxon-main',
          resources: resources('2Gi'),
          workingDir: '{{ WORKING_DIR or globals.run_outputs_path }}',
        },
        ports: [8888],
      },
    };
  }
  return {
    version: 1.1,
    kind: 'component',
    name: 'process-data',
    description: 'Preprocessing of raw data.',
    tags: ['preprocessing'],
    inputs: inputs('registry.aisingapore.net/<PROJECT_REPO>/data-prep:0.1.0'),
    run: {
      kind: 'job',
      connections: ['fstore-pvc'],
      container: {
        image: '{{ DOCKER_IMAGE }}',
        name: 'polyaxon-main',
        command: ['/bin/bash', '-c', 'python src/process_data.py'],
        workingDir: '{{ WORKING_DIR or globals.run_outputs_path }}',
      },
    },
  };
}

const IMAGES: Record<DemoKind, string> = {
  vscode: 'registry.aisingapore.net/aiap/vscode-server:0.1.0',
  jupyter: 'registry.aisingapore.net/aiap/jupyter-server:0.1.0',
  job: 'registry.aisingapore.net/aiap/data-prep:0.1.0',
};

/** What `polyaxon run -f <aisg file> -P DOCKER_IMAGE=… -P WORKING_DIR=/polyaxon-v1-data` posts (fixtures/create-run-request.*.json). */
export function demoOperation(kind: DemoKind, image = IMAGES[kind]): ParsedOperation {
  const op = {
    version: 1.1,
    kind: 'operation',
    params: { DOCKER_IMAGE: { value: image }, WORKING_DIR: { value: '/polyaxon-v1-data' } },
    component: component(kind),
  };
  const parsed = readOperation(JSON.stringify(op));
  if ('error' in parsed) throw new Error(`demo operation is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed;
}

export function demoKindOf(name: string | null | undefined, kind: string | null | undefined): DemoKind {
  if (kind && kind !== 'service') return 'job';
  return /jupyter|notebook/i.test(name ?? '') ? 'jupyter' : 'vscode';
}

export interface DemoRunOptions {
  last?: { reason?: string; message?: string };
  behaviour?: Behaviour;
  overrides?: Partial<StoredRun>;
  /**
   * The DOCKER_IMAGE param it was launched with, compiled into its content's `run.container.image` as the server does
   * (../shared/polyaxon/recorded/run-get.jupyter.after-stop.json: the param's value, not `{{ DOCKER_IMAGE }}`).
   */
  image?: string;
}

export function addDemoRun(
  store: Store,
  project: string,
  kind: DemoKind,
  status: RunStatus,
  v2: boolean,
  options: DemoRunOptions = {},
): RunRecord {
  const rec = submitRun(store, project, demoOperation(kind, options.image), {
    v2,
    overrides: options.overrides ?? {},
    behaviour: options.behaviour,
  });
  driveTo(store, rec, status, options.last);
  return rec;
}

/** Oldest first, so that the default `-updated_at` / `-created_at` order shows the running VS Code on top. */
export function seedDemo(store: Store, v2: boolean): void {
  store.addProject('my-project-bob', "Another engineer's project.");
  const project = 'my-project-alice';
  store.addProject(project, 'Dev environments of Alice.');
  addDemoRun(store, project, 'job', 'succeeded', v2);
  addDemoRun(store, project, 'vscode', 'stopped', v2);
  addDemoRun(store, project, 'jupyter', 'failed', v2, {
    last: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.aisingapore.net/aiap/jupyter-server:0.1.0"' },
  });
  addDemoRun(store, project, 'jupyter', 'queued', v2, { behaviour: 'stuck' }); // waits for a node with free CPUs
  addDemoRun(store, project, 'vscode', 'running', v2);
}
