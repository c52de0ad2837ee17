// Small HTTP helpers for the fake server's tests.
import type { FakePolyaxon } from '../../fake-polyaxon/server';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
}

export async function call(fake: FakePolyaxon, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The body `polyaxon run -f <file> -P …` posts, for a component with the given params (see fixtures/create-run-request.*). */
export function operationBody(params: Record<string, string>, run: Record<string, unknown> = {}): { content: string; is_managed: boolean } {
  const component = {
    version: 1.1,
    kind: 'component',
    name: 'vscode-service',
    tags: ['vscode'],
    inputs: [
      { name: 'DOCKER_IMAGE', type: 'str', value: 'img:1', isOptional: true },
      { name: 'WORKING_DIR', type: 'str', isOptional: true },
    ],
    run: {
      kind: 'service',
      connections: ['fstore-pvc'],
      container: { image: '{{ DOCKER_IMAGE }}', workingDir: '{{ WORKING_DIR or globals.run_outputs_path }}' },
      ports: [8080],
      rewritePath: true,
      ...run,
    },
  };
  const op = {
    version: 1.1,
    kind: 'operation',
    params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { value: v }])),
    component,
  };
  return { content: JSON.stringify(op), is_managed: true };
}

export const RUNS = '/api/v1/default/my-project-alice/runs';
