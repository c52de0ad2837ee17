// Seeded fuzzing of everything a person types before a request leaves: polyaxonfiles, params, hosts, project names.
// For each case: no crash, no hang (under 1 s), no request at the local fake for an invalid case, and an error
// that names what is wrong. Replay a failure with FUZZ_SEED=<seed> npm run test:unit.
import * as assert from 'assert';
import { startFakePolyaxon, type FakePolyaxon } from '../../fake-polyaxon/server';
import { PolyaxonClient } from '../../../src/polyaxon/client';
import { isPolyaxonError } from '../../../src/polyaxon/errors';
import { buildCreateBody, formatProblem, loadServicePolyaxonfile, PolyaxonfileError } from '../../../src/polyaxonfile';
import { projectNameProblem } from '../../../src/connection/projectName';
import { hostCase } from './hostCases';
import { paramsCase, PARAMS_POLYAXONFILE } from './paramCases';
import { polyaxonfileCase } from './polyaxonfileCases';
import { Prng } from './prng';
import { projectNameCase } from './projectNameCases';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
export const FUZZ_CASES = { polyaxonfiles: 300, params: 300, hosts: 300, projectNames: 200 };
const CASE_LIMIT_MS = 1000;
const ref = { owner: 'default', project: 'fuzz' };

describe(`fuzz (seed ${SEED}, ${Object.values(FUZZ_CASES).reduce((a, b) => a + b)} cases)`, function () {
  this.timeout(120_000);
  let fake: FakePolyaxon;
  let client: PolyaxonClient;
  const slowest: Record<string, number> = {};

  before(async () => {
    fake = await startFakePolyaxon({ seed: 'empty', operator: false });
    fake.addProject(ref.project);
    client = new PolyaxonClient({ host: fake.url, timeoutMs: CASE_LIMIT_MS });
  });
  after(async () => {
    console.log(`      slowest case per suite (ms): ${JSON.stringify(slowest)}`);
    await fake.close();
  });

  /** Runs `count` cases from a PRNG of its own (so suites do not shift each other), timing each. */
  async function fuzz<C>(suite: string, count: number, make: (rng: Prng, i: number) => C, check: (c: C) => Promise<void>): Promise<void> {
    const rng = new Prng(SEED ^ [...suite].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
    let tried = 0;
    for (let i = 0; i < count; i++) {
      const c = make(rng, i);
      fake.requests.length = 0;
      const started = performance.now();
      try {
        await check(c);
      } catch (e) {
        const shown = JSON.stringify(c, (_k, v: unknown) =>
          typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length})` : v,
        );
        throw new Error(`${suite} case #${i} (FUZZ_SEED=${SEED}): ${shown}\n${e instanceof Error ? e.message : String(e)}`);
      }
      const ms = performance.now() - started;
      slowest[suite] = Math.max(slowest[suite] ?? 0, Math.round(ms));
      assert.ok(ms < CASE_LIMIT_MS, `${suite} case #${i} (FUZZ_SEED=${SEED}) took ${Math.round(ms)} ms`);
      tried++;
    }
    assert.strictEqual(tried, count);
  }

  /** The problems a launch reports, or [] when the body was built. */
  function problemsOf(build: () => unknown): { fields: string[]; text: string; lines: number[] } | undefined {
    try {
      build();
      return undefined;
    } catch (e) {
      assert.ok(e instanceof PolyaxonfileError, `expected a PolyaxonfileError, got ${String(e)}`);
      assert.ok(e.problems.length > 0, 'a PolyaxonfileError without problems');
      return {
        fields: e.problems.map((p) => p.field),
        text: e.problems.map(formatProblem).join('\n'),
        lines: e.problems.map((p) => p.line),
      };
    }
  }

  async function launchSent(body: unknown): Promise<Record<string, unknown>> {
    await client.createRun(ref, body as Parameters<PolyaxonClient['createRun']>[1]);
    assert.strictEqual(fake.requests.length, 1, 'one request for a valid launch');
    const sent = fake.requests[0].body as { content: string };
    return JSON.parse(sent.content) as Record<string, unknown>;
  }

  it(`polyaxonfiles: ${FUZZ_CASES.polyaxonfiles} cases`, () =>
    fuzz('polyaxonfiles', FUZZ_CASES.polyaxonfiles, polyaxonfileCase, async (c) => {
      let body: unknown;
      const problems = problemsOf(() => {
        body = buildCreateBody(loadServicePolyaxonfile(c.text, 'fuzz.yml'), {}, { v2: false });
      });
      if (c.syntaxLine !== undefined || c.wrongFields.length) {
        assert.ok(problems, 'an invalid polyaxonfile was accepted');
        assert.strictEqual(fake.requests.length, 0, 'a request was sent for an invalid polyaxonfile');
        if (c.syntaxLine !== undefined) {
          assert.ok(problems.lines.includes(c.syntaxLine), `the syntax error is not placed at line ${c.syntaxLine}:\n${problems.text}`);
          assert.match(problems.text, new RegExp(`^fuzz\\.yml:${c.syntaxLine}:\\d+: YAML syntax error`, 'm'));
        } else {
          assert.deepStrictEqual([...new Set(problems.fields)].sort(), [...c.wrongFields].sort(), problems.text);
        }
        return;
      }
      assert.strictEqual(problems, undefined, problems?.text);
      const operation = await launchSent(body);
      assert.strictEqual((operation.component as { name: string }).name, c.name);
    }));

  it(`params: ${FUZZ_CASES.params} cases, with newlines, shell characters, unicode and values up to 300,000 characters`, async () => {
    const pf = loadServicePolyaxonfile(PARAMS_POLYAXONFILE, 'fuzz-params.yml');
    await fuzz('params', FUZZ_CASES.params, paramsCase, async (c) => {
      let body: unknown;
      const problems = problemsOf(() => {
        body = buildCreateBody(pf, c.params, { v2: false });
      });
      if (c.wrongFields.length) {
        assert.ok(problems, 'invalid params were accepted');
        assert.strictEqual(fake.requests.length, 0, 'a request was sent for invalid params');
        assert.deepStrictEqual([...new Set(problems.fields)].sort(), [...c.wrongFields].sort(), problems.text);
        return;
      }
      assert.strictEqual(problems, undefined, problems?.text);
      const operation = await launchSent(body);
      // Every value arrives exactly as given: no quoting, trimming or re-encoding on the way.
      const sent = Object.fromEntries(Object.entries(operation.params ?? {}).map(([k, v]) => [k, (v as { value: string }).value]));
      assert.deepStrictEqual(sent, c.params);
    });
  });

  it(`hosts: ${FUZZ_CASES.hosts} cases, with no scheme, paths, spaces, javascript: and IPv6`, () =>
    fuzz(
      'hosts',
      FUZZ_CASES.hosts,
      (rng) => hostCase(rng, Number(new URL(fake.url).port)),
      async (c) => {
        let hostClient: PolyaxonClient;
        try {
          hostClient = new PolyaxonClient({ host: c.host, timeoutMs: CASE_LIMIT_MS - 100 });
        } catch (e) {
          assert.ok(c.problem, `a usable host was refused: ${String(e)}`);
          assert.ok(e instanceof Error);
          assert.match(e.message, c.problem);
          assert.strictEqual(fake.requests.length, 0, 'a request was sent for an invalid host');
          return;
        }
        assert.strictEqual(c.problem, undefined, `an invalid host was accepted as ${hostClient.host}`);
        try {
          await hostClient.getInstallation();
        } catch (e) {
          assert.ok(isPolyaxonError(e), `not a PolyaxonError: ${String(e)}`);
          assert.ok(e.message.includes(hostClient.host), `the error does not name the host: ${e.message}`);
        }
        if (c.fakePath !== undefined) {
          assert.deepStrictEqual(
            fake.requests.map((r) => r.path),
            [c.fakePath],
          );
        }
      },
    ));

  it(`project names: ${FUZZ_CASES.projectNames} cases`, () =>
    fuzz(
      'projectNames',
      FUZZ_CASES.projectNames,
      (rng, i) => projectNameCase(rng, String(i)),
      async (c) => {
        const problem = projectNameProblem(c.name);
        if (c.problem) {
          assert.ok(problem, 'an invalid project name was accepted');
          assert.match(problem, c.problem);
          return;
        }
        assert.strictEqual(problem, undefined);
        const project = await client.createProject(ref.owner, { name: c.name });
        assert.strictEqual(project.name, c.name);
        assert.strictEqual(fake.requests.length, 1);
      },
    ));
});
