// Replays the recordings, in their order, against a fake server and lists where its answers differ.
import { compareErrorBody, compareJson, gzipWouldShrink, isListEndpoint, rawRequest, type Recording } from './recordings';

export class Replayer {
  /** recorded uuid → the fake's uuid for the same run */
  private readonly uuids = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  /** The differences for one recording (empty when the fake answers like the real server). */
  async replay(rec: Recording): Promise<string[]> {
    let requestPath = rec.request.path;
    for (const [recorded, ours] of this.uuids) requestPath = requestPath.split(recorded).join(ours);
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
