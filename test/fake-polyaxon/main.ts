// CLI: node out/test/fake-polyaxon/main.js --port 8117 --seed demo [--version 2.13.0] [--operator-ms 800] [--jupyter DIR] [--quiet]
// --jupyter DIR: a running Jupyter service is a real Jupyter server (state under DIR), when `jupyter` is installed.
import { jupyterBackend } from './jupyter-backend';
import { startFakePolyaxon, type FakeOptions } from './server';

const USAGE =
  'usage: main.js [--port 8117] [--seed demo|empty] [--version 1.11.3|2.13.0] [--operator-ms 800|off] [--jupyter DIR] [--quiet]';

function parseArgs(argv: string[]): FakeOptions {
  const opts: FakeOptions = { port: 8117, seed: 'demo', log: (line) => console.log(`${new Date().toISOString()} ${line}`) };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value\n${USAGE}`);
      return v;
    };
    switch (argv[i]) {
      case '--port':
        opts.port = Number(value());
        break;
      case '--seed':
        opts.seed = value() === 'empty' ? 'empty' : 'demo';
        break;
      case '--version':
        opts.version = value();
        break;
      case '--operator-ms': {
        const v = value();
        // One delay for every step; `off` leaves runs where they are.
        opts.operator = v === 'off' ? false : { queuedMs: Number(v), startingMs: Number(v), stoppingMs: Number(v) };
        break;
      }
      case '--jupyter': {
        const backend = jupyterBackend({ stateDir: value(), log: (line) => opts.log?.(line) });
        if (!backend) {
          console.error(
            '--jupyter: no `jupyter` command (apt-get install python3-jupyter-server jupyter-notebook python3-ipykernel); Jupyter services show the fake page',
          );
        }
        opts.serviceBackend = backend;
        break;
      }
      case '--quiet':
        opts.log = undefined;
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const fake = await startFakePolyaxon(opts);
  console.log(`Fake Polyaxon ${opts.version ?? '1.11.3'} (seed: ${opts.seed}) listening on ${fake.url}`);
  console.log(`  polyaxon.host = ${fake.url}   project: my-project-alice`);
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
