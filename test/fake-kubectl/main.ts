// A stand-in kubectl for the calls the real one cannot serve without a cluster. The rest (`config …`, and any call
// naming a context that does not exist) goes to the real kubectl, so those outputs and errors are kubectl's own.
//   get svc -n NS -o json        a v1 List of the state's services
//   get namespace NS -o name     namespace/NS, or the NotFound error
//   port-forward -n NS svc/NAME LOCAL:REMOTE
//                                listens on localhost:LOCAL like kubectl, pipes each connection to the state's target
// Failure switches (state.ts): forbidden, exitAfterSeconds, ignoreSigterm; "port in use" and "not found" happen for real.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { STATE_ENV, type FakeKubectlState } from './state';

const USER = 'alice@example.com';

function realKubectl(): string {
  const own = path.resolve(__dirname, '../../../test/fake-kubectl/bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (dir && path.resolve(dir) !== own && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('the real kubectl is not on the PATH');
}

function delegate(args: string[]): never {
  const result = spawnSync(realKubectl(), args, { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function readState(): FakeKubectlState {
  const file = process.env[STATE_ENV];
  if (!file) fail(`error: the stand-in kubectl needs $${STATE_ENV}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FakeKubectlState;
}

/** Splits `--context X`, `-n X`/`--namespace X`/`--namespace=X` and `-o X` from the positional words. */
function parse(args: string[]): { words: string[]; flags: Record<string, string> } {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  const names: Record<string, string> = {
    '--context': 'context',
    '-n': 'namespace',
    '--namespace': 'namespace',
    '-o': 'output',
    '--output': 'output',
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (names[flag]) flags[names[flag]] = inline ?? args[++i];
    else words.push(args[i]);
  }
  return { words, flags };
}

function serviceJson(name: string, namespace: string) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { app: name }, uid: `uid-${name}`, resourceVersion: '1000' },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.0.0.10',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: name },
    },
    status: { loadBalancer: {} },
  };
}

function listen(port: number, host: string, onConnection: (socket: net.Socket) => void): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer(onConnection);
    server.once('error', () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}

async function portForward(state: FakeKubectlState, namespace: string, words: string[]): Promise<void> {
  const [resource, ports] = words;
  const service = resource.replace(/^(svc|service|services)\//, '');
  if (state.forbidden) {
    fail(
      `error: error upgrading connection: pods "${service}-7d9f8b6c5-x2x4q" is forbidden: User "${USER}" cannot create resource "pods/portforward" in API group "" in the namespace "${namespace}"`,
    );
  }
  if (!(state.namespaces[namespace] ?? []).includes(service)) fail(`Error from server (NotFound): services "${service}" not found`);
  const [local, remote] = ports.split(':').map(Number);
  const pipe = (socket: net.Socket) => {
    process.stdout.write(`Handling connection for ${local}\n`);
    const upstream = net.connect(state.target.port, state.target.host);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  };
  const v4 = await listen(local, '127.0.0.1', pipe);
  const v6 = await listen(local, '::1', pipe);
  if (!v4 && !v6) {
    process.stderr.write(
      `Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${local}: bind: address already in use]\n`,
    );
    fail(`error: unable to listen on any of the requested ports: [{${local} ${remote}}]`);
  }
  if (state.ignoreSigterm) process.on('SIGTERM', () => undefined);
  if (state.pidFile) fs.appendFileSync(state.pidFile, `${process.pid}\n`);
  if (v4) process.stdout.write(`Forwarding from 127.0.0.1:${local} -> ${remote}\n`);
  if (v6) process.stdout.write(`Forwarding from [::1]:${local} -> ${remote}\n`);
  if (state.exitAfterSeconds !== undefined) {
    setTimeout(() => {
      process.stderr.write(
        `E1130 10:15:01.123456 ${process.pid} portforward.go:413] "Unhandled Error" err="an error occurred forwarding ${local} -> ${remote}: error forwarding port ${remote} to pod 3f2a9c1e, uid : network namespace for sandbox \\"9c1e\\" is closed"\n`,
      );
      fail('error: lost connection to pod');
    }, state.exitAfterSeconds * 1000);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const { words, flags } = parse(args);
  if (words[0] === 'config') delegate(args);
  if (flags.context) {
    const known = execFileSync(realKubectl(), ['config', 'get-contexts', '-o', 'name'], { encoding: 'utf8' }).split('\n');
    if (!known.includes(flags.context)) delegate(args); // the real "error: context "…" does not exist"
  }
  const state = readState();
  const namespace = flags.namespace ?? 'default';
  const [verb, kind, name] = words;
  if (verb === 'get' && ['svc', 'service', 'services'].includes(kind)) {
    if (state.forbidden) {
      fail(
        `Error from server (Forbidden): services is forbidden: User "${USER}" cannot list resource "services" in API group "" in the namespace "${namespace}"`,
      );
    }
    const items = (state.namespaces[namespace] ?? []).map((s) => serviceJson(s, namespace));
    process.stdout.write(`${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`);
    return;
  }
  if (verb === 'get' && ['namespace', 'namespaces', 'ns'].includes(kind)) {
    if (state.forbidden) {
      fail(
        `Error from server (Forbidden): namespaces "${name}" is forbidden: User "${USER}" cannot get resource "namespaces" in API group "" in the namespace "${name}"`,
      );
    }
    if (!(name in state.namespaces)) fail(`Error from server (NotFound): namespaces "${name}" not found`);
    process.stdout.write(`namespace/${name}\n`);
    return;
  }
  if (verb === 'port-forward') {
    void portForward(state, namespace, words.slice(1));
    return;
  }
  fail(`error: the stand-in kubectl does not serve: kubectl ${args.join(' ')}`);
}

main();
