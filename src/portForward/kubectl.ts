import { execFile } from 'child_process';
import { ForwardError, classifyKubectlFailure, kubectlNotFound, type FailureScope } from './forwardError';
import { parseContextNames, parseServiceList, type ServiceInfo } from './kubectlOutput';

// The user's own kubectl, run with the extension host's environment: $KUBECONFIG and auth plugins such as
// gke-gcloud-auth-plugin work as they do in the user's terminal.

export interface Kubectl {
  /** The executable: polyaxon.kubectlPath, else `kubectl` looked up on the PATH. */
  command: string;
  env: NodeJS.ProcessEnv;
}

const CALL_TIMEOUT_MS = 30_000;

export function runKubectl(kubectl: Kubectl, args: string[], scope: FailureScope): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      kubectl.command,
      args,
      { env: kubectl.env, timeout: CALL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') return reject(kubectlNotFound(kubectl.command));
        if (error.killed) {
          return reject(new ForwardError('timeout', `kubectl ${args.join(' ')} gave no answer in ${CALL_TIMEOUT_MS / 1000} s.`));
        }
        reject(classifyKubectlFailure(stderr || error.message, scope));
      },
    );
  });
}

export interface Contexts {
  names: string[];
  current: string | undefined;
}

export async function listContexts(kubectl: Kubectl): Promise<Contexts> {
  const names = parseContextNames(await runKubectl(kubectl, ['config', 'get-contexts', '-o', 'name'], { context: '' }));
  // "error: current-context is not set" is no failure: the user then picks one.
  const current = await runKubectl(kubectl, ['config', 'current-context'], { context: '' }).then(
    (out) => out.trim() || undefined,
    () => undefined,
  );
  return { names, current };
}

export async function listServices(kubectl: Kubectl, context: string, namespace: string): Promise<ServiceInfo[]> {
  const scope = { context, namespace };
  const out = await runKubectl(kubectl, ['--context', context, 'get', 'svc', '-n', namespace, '-o', 'json'], scope);
  try {
    return parseServiceList(out);
  } catch (e) {
    throw new ForwardError('unknown', `kubectl get svc printed something unexpected: ${(e as Error).message}`);
  }
}

export function portForwardArgs(target: {
  context: string;
  namespace: string;
  service: string;
  servicePort: number;
  localPort: number;
}): string[] {
  return [
    '--context',
    target.context,
    'port-forward',
    '-n',
    target.namespace,
    `svc/${target.service}`,
    `${target.localPort}:${target.servicePort}`,
  ];
}
