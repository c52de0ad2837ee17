// Replays the recordings, in their order, against a fake server and lists where its answers differ.
import { compareErrorBody, compareJson, gzipWouldShrink, isListEndpoint, rawRequest, type Recording } from './recordings';

export interface ReplayOptions {
  /**
   * v2: an agent moves runs on its own (queued → scheduled; a deleted run → stopped), a moment after the request
   * that caused it, as the real agent did at its next poll. Where a recorded answer shows the agent's step and the
   * fake's does not show it yet, the replay asks again until it does (at most `agentWaitMs`); and it posts an
   * operator's status only for a run the agent has scheduled, as the real operator sees only runs it was given.
   */
  agentWaitMs?: number;
}

/** Differences that only mean "the agent has not polled yet". */
const AGENT_LAG = /\.status: "queued", recorded "scheduled"|\.status: "stopping", recorded "stopped"/;

export class Replayer {
  /** recorded uuid → the fake's uuid for the same run */
  private readonly uuids = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly opts: ReplayOptions = {},
  ) {}

  /** The differences for one recording (empty when the fake answers like the real server). */
  async replay(rec: Recording): Promise<string[]> {
    let requestPath = rec.request.path;
    for (const [recorded, ours] of this.uuids) requestPath = requestPath.split(recorded).join(ours);
    const wait = this.opts.agentWaitMs ?? 0;
    const end = Date.now() + wait;
    if (wait && rec.request.method === 'POST' && /\/statuses\/?$/.test(requestPath)) await this.untilScheduled(requestPath, end);
    for (;;) {
      const problems = await this.compare(rec, requestPath);
      const lagging = rec.request.method === 'GET' && problems.some((p) => AGENT_LAG.test(p));
      if (!lagging || Date.now() > end) return problems;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async untilScheduled(statusesPath: string, end: number): Promise<void> {
    const runUrl = `${this.baseUrl}${statusesPath.replace(/\/statuses\/?$/, '')}`;
    while (Date.now() < end) {
      const answer = await rawRequest(runUrl, 'GET', {});
      if (answer.status !== 200 || (JSON.parse(answer.text) as { status?: string }).status !== 'queued') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async compare(rec: Recording, requestPath: string): Promise<string[]> {
    const body =
      rec.request.body_raw ?? (rec.request.body === undefined || rec.request.body === null ? undefined : JSON.stringify(rec.request.body));
    const answer = await rawRequest(`${this.baseUrl}${requestPath}`, rec.request.method, rec.request.headers, body);
    const expected = rec.response;
    const problems: string[] = [];
    if (answer.status !== expected.status) {
      return [`status ${answer.status}, recorded ${expected.status} (body ${answer.text.slice(0, 200)})`];
    }

    const recordedType = expected.headers['content-type'];
    const type = answer.headers['content-type'];
    if ((recordedType ?? '') !== (type ?? '')) problems.push(`content-type ${type}, recorded ${recordedType}`);
    if (
      answer.status === 200 &&
      isListEndpoint(rec.request.method, rec.request.path) &&
      gzipWouldShrink(answer.text) &&
      answer.headers['content-encoding'] !== 'gzip'
    ) {
      problems.push(`a ${answer.text.length}-byte list answer is not gzipped (the real server gzips it unasked)`);
    }
    if (expected.body === null) {
      if (answer.text !== '') problems.push(`body ${JSON.stringify(answer.text.slice(0, 100))}, recorded empty`);
      return problems;
    }
    let actual: unknown;
    try {
      actual = JSON.parse(answer.text);
    } catch {
      return [...problems, `body is not JSON: ${answer.text.slice(0, 100)}`];
    }
    if (rec.request.method === 'POST' && /\/runs\/?$/.test(rec.request.path) && answer.status === 201) {
      this.uuids.set(String((expected.body as { uuid: string }).uuid), String((actual as { uuid: string }).uuid));
    }
    const compare = expected.status >= 400 ? compareErrorBody : compareJson;
    return [...problems, ...compare(actual, expected.body, 'body')];
  }
}
