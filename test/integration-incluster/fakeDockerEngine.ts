// A stand-in Docker Engine on a Unix socket, for the real docker CLI (DOCKER_HOST=unix://<socket>): it answers the
// Engine API calls that `docker build` (the classic builder, which the ping's Builder-Version: 1 selects) and
// `docker push` make, as a daemon does when they succeed, and records what it was sent: each build's tag, Dockerfile
// name and context (the tar the CLI uploads), and each push. Its answers follow moby's: the ping's headers
// (api/server/router/system/system_routes.go pingHandler: Api-Version, Ostype, Builder-Version from the daemon's
// builder), a build's JSON stream of `stream` lines with an `aux` {ID} (the classic builder's result), and a push's
// stream ending in an `aux` {Tag, Digest, Size} (distribution's PushResult); an unknown route gets {message} and 404.
import { promises as fs } from 'fs';
import * as http from 'http';
import * as path from 'path';

export interface RecordedBuild {
  tag: string | null;
  dockerfile: string | null;
  /** The context's files, by their path in the tar. */
  files: Map<string, Buffer>;
}

export interface FakeDockerEngine {
  socket: string;
  builds: RecordedBuild[];
  pushes: string[];
  close(): Promise<void>;
}

/** The regular files of an uncompressed tar (ustar, with its name prefix). */
function untar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const text = (start: number, length: number) => tar.toString('utf8', start, start + length).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const prefix = text(at + 345, 155);
    const name = prefix ? `${prefix}/${text(at, 100)}` : text(at, 100);
    const type = String.fromCharCode(tar[at + 156]);
    if (type === '0' || type === '\0') files.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export async function startFakeDockerEngine(): Promise<FakeDockerEngine> {
  // Under /tmp: a socket path has at most 107 bytes, which the runner's temporary folder can exceed.
  const dir = await fs.mkdtemp('/tmp/plx-docker-');
  const socket = path.join(dir, 'docker.sock');
  const builds: RecordedBuild[] = [];
  const pushes: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', (): void => {
      const url = new URL(req.url ?? '/', 'http://engine');
      const route = url.pathname.replace(/^\/v[\d.]+/, '');
      res.setHeader('Api-Version', '1.47');
      res.setHeader('Content-Type', 'application/json');
      const stream = (...messages: object[]) => res.end(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
      if (route === '/_ping') {
        res.setHeader('Builder-Version', '1');
        res.setHeader('Ostype', 'linux');
        return void res.end('OK');
      }
      if (req.method === 'POST' && route === '/build') {
        const tag = url.searchParams.get('t');
        builds.push({ tag, dockerfile: url.searchParams.get('dockerfile'), files: untar(Buffer.concat(chunks)) });
        const id = `sha256:${String(builds.length).padStart(64, '0')}`;
        return void stream({ stream: 'Step 1/1\n' }, { aux: { ID: id } }, { stream: `Successfully built ${id.slice(7, 19)}\n` });
      }
      const push = /^\/images\/(.+)\/push$/.exec(route);
      if (req.method === 'POST' && push) {
        pushes.push(`${push[1]}:${url.searchParams.get('tag')}`);
        return void stream(
          { status: 'Pushed' },
          { aux: { Tag: url.searchParams.get('tag'), Digest: `sha256:${'0'.repeat(64)}`, Size: 1 } },
        );
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ message: `the stand-in engine does not serve ${req.method} ${route}` }));
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socket, resolve));
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(dir, { recursive: true, force: true });
  };
  return { socket, builds, pushes, close };
}
