// Simulated container logs and the streams endpoint that serves them
// (core/polyaxon/streams/app/endpoints.py get_logs: live mode with last_time, archived mode with last_file).
import type { LogLine, Logs } from '../../src/polyaxon/types';
import { flavourOf, imageOf, type Flavour } from './flavour';
import { isDone } from './lifecycle';
import { json, type Reply } from './reply';
import type { RunRecord } from './store';
import { logTime, parseMicros, parseTime } from './time';

/** Lines per archived log file: the fake's chunk size for `last_file` paging. */
export const ARCHIVE_CHUNK = 50;

export function appendLog(rec: RunRecord, values: string[], container = 'polyaxon-main'): void {
  for (const value of values) rec.logs.push({ timestamp: logTime(), node: rec.node, pod: rec.pod, container, value });
}

const clock = () => new Date().toISOString();
/** Jupyter's own log prefix: [I 2026-11-27 12:18:26.123 ServerApp] */
const jupyterTime = () => clock().replace('T', ' ').replace('Z', '');

function baseUrl(rec: RunRecord): string {
  const rewrite = rec.run.meta_info?.rewrite_path === true;
  return `/${rewrite ? 'rewrite-services' : 'services'}/v1/${rec.run.settings?.namespace}/default/${rec.project}/runs/${rec.run.uuid}`;
}

/** What the container prints once it runs (code-server 4.0.1 lines as in fixtures/get-run-logs.live…json). */
export function startupLines(rec: RunRecord): string[] {
  const flavour = flavourOf(rec.run);
  if (flavour === 'vscode') {
    return [
      `[${clock()}] info  code-server 4.0.1 c6a9b7e4f4c05d9a1a7e0e8e9f6b2c8c7a1d2e3f`,
      `[${clock()}] info  Using user-data-dir ~/.local/share/code-server`,
      `[${clock()}] info  Using config file ~/.config/code-server/config.yaml`,
      `[${clock()}] info  HTTP server listening on http://0.0.0.0:8080/`,
      `[${clock()}] info    - Authentication is disabled`,
      `[${clock()}] info    - Not serving HTTPS`,
    ];
  }
  if (flavour === 'jupyter') {
    return [
      `[I ${jupyterTime()} ServerApp] jupyterlab | extension was successfully linked.`,
      `[I ${jupyterTime()} ServerApp] Serving notebooks from local directory: /polyaxon-v1-data`,
      `[I ${jupyterTime()} ServerApp] Jupyter Server 1.13.1 is running at:`,
      `[I ${jupyterTime()} ServerApp] http://${rec.pod}:8888${baseUrl(rec)}/lab`,
      `[I ${jupyterTime()} ServerApp] Use Control-C to stop this server and shut down all kernels (twice to skip confirmation).`,
    ];
  }
  return [`Starting ${rec.run.name ?? 'operation'}`, 'Loading configuration from /plx-context/artifacts'];
}

const TICKS: Record<Flavour, ((rec: RunRecord, n: number) => string)[]> = {
  vscode: [
    () => `[${clock()}] debug heartbeat`,
    (_r, n) => `[${clock()}] debug forking extension host (session ${n})`,
    () => `[${clock()}] debug got latest version {"latest":"4.0.1"}`,
  ],
  jupyter: [
    (r, n) => `[I ${jupyterTime()} ServerApp] 200 GET ${baseUrl(r)}/api/kernels?${Date.now()} (10.8.0.${n % 250}) 1.42ms`,
    () => `[I ${jupyterTime()} ServerApp] Saving file at /polyaxon-v1-data/notebooks/Untitled.ipynb`,
    (r) => `[I ${jupyterTime()} ServerApp] 200 GET ${baseUrl(r)}/api/contents?content=1 (10.8.0.7) 3.05ms`,
  ],
  service: [(_r, n) => `GET / 200 (request ${n})`],
  job: [(_r, n) => `Processing batch ${n}`],
};

/** One more line while the run is running ("a line every few seconds"). */
export function tickLine(rec: RunRecord, n: number): string {
  const lines = TICKS[flavourOf(rec.run)];
  return lines[n % lines.length](rec, n);
}

export const pullLines = (rec: RunRecord): string[] => [
  `Pulling image "${imageOf(rec.run)}"`,
  `Successfully pulled image "${imageOf(rec.run)}" in 4.213s`,
];

/** GET /streams/v1/{ns}/{owner}/{project}/runs/{uuid}/logs */
export function logsReply(rec: RunRecord, query: URLSearchParams, v2 = false): Reply {
  const lastTimeParam = query.get('last_time');
  if (lastTimeParam) {
    // Live mode: lines newer than last_time; last_time = now, or null once the operation has completed.
    const since = parseMicros(lastTimeParam) ?? 0;
    const logs = rec.logs.filter((l) => (parseMicros(l.timestamp) ?? 0) > since);
    const body: Logs = { last_time: isDone(rec.run.status) ? null : logTime(), last_file: null, logs, files: [] };
    return json(200, body);
  }
  // Archived mode: one chunk per call; `last_file` names the chunk just read, null after the last one.
  // v2: what the sidecar has archived; the fake's archive fills when the run is done (a running run's archive was
  // empty in recorded-v2 run-logs.streams.json).
  const lines = v2 && !isDone(rec.run.status) ? [] : rec.logs;
  const files = chunkNames(lines);
  const lastFile = query.get('last_file');
  const index = lastFile ? files.indexOf(lastFile) + 1 : 0;
  if (lastFile && index === 0) return json(200, { last_time: null, last_file: null, logs: [], files } satisfies Logs);
  const logs: LogLine[] = lines.slice(index * ARCHIVE_CHUNK, (index + 1) * ARCHIVE_CHUNK);
  const body: Logs = { last_time: null, last_file: index < files.length ? files[index] : null, logs, files };
  return json(200, body);
}

/** Archived log files are named after their first line's time, as the sidecar's archives are time-named. */
function chunkNames(lines: LogLine[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < lines.length; i += ARCHIVE_CHUNK) {
    names.push(`${Math.floor((parseTime(lines[i].timestamp) ?? 0) / 1000)}.${i / ARCHIVE_CHUNK}`);
  }
  return names;
}
