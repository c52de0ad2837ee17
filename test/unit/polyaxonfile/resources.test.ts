import * as assert from 'assert';
import { resize, resourcesOf, runSize, sizeOf, sizeProblem, sizeText, type Resources } from '../../../src/polyaxonfile/resources';

/** The bundled vscode-service.yml's resources. */
const BUNDLED: Resources = { requests: { memory: '4Gi', cpu: '2' }, limits: { memory: '4Gi', cpu: '2' } };
const NONE: Resources = { requests: {}, limits: {} };

describe('polyaxonfile/resources', () => {
  it("reads the main container's requests and limits, numbers as text", () => {
    const component = {
      run: { kind: 'service', container: { resources: { requests: { cpu: 2, memory: '4Gi' }, limits: { 'nvidia.com/gpu': 1 } } } },
    };
    assert.deepStrictEqual(resourcesOf(component), { requests: { cpu: '2', memory: '4Gi' }, limits: { 'nvidia.com/gpu': '1' } });
    assert.deepStrictEqual(sizeOf(resourcesOf(component)), { cpu: '2', memory: '4Gi', gpu: '1' });
    assert.deepStrictEqual(resourcesOf({ run: { kind: 'service', container: { image: 'x' } } }), NONE);
  });

  it('words a size for people', () => {
    assert.strictEqual(sizeText(sizeOf(BUNDLED)), '2 CPUs, 4 GiB');
    assert.strictEqual(sizeText({ cpu: '500m', memory: '512Mi', gpu: '1' }), '0.5 CPUs, 512 MiB, 1 GPU');
    assert.strictEqual(sizeText({ cpu: '1', memory: '4G' }), '1 CPU, 3.73 GiB');
    assert.strictEqual(sizeText({}), 'no CPU or memory set');
  });

  it('refuses negative, zero and implausibly small sizes, and fractional GPUs', () => {
    assert.match(sizeProblem('cpu', '-1') ?? '', /cannot be negative/);
    assert.match(sizeProblem('cpu', '0') ?? '', /more than 0/);
    assert.match(sizeProblem('memory', '0') ?? '', /more than 0/);
    assert.match(sizeProblem('memory', '512') ?? '', /less than 1Mi .* 512Mi or 512Gi/);
    assert.match(sizeProblem('cpu', '0.1m') ?? '', /1m is the least/);
    assert.match(sizeProblem('gpu', '0.5') ?? '', /whole numbers/);
    assert.match(sizeProblem('memory', '4 GB') ?? '', /4Gi .* 4G/);
    for (const [field, value] of [
      ['cpu', '500m'],
      ['cpu', '2.5'],
      ['memory', '6Gi'],
      ['memory', '4G'],
      ['gpu', '0'],
    ] as const) {
      assert.strictEqual(sizeProblem(field, value), undefined, `${field} ${value}`);
    }
  });

  it("is nothing to patch when the size is the file's own, however it is written", () => {
    assert.strictEqual(resize(BUNDLED, {}), undefined);
    assert.strictEqual(resize(BUNDLED, { cpu: '2', memory: '4Gi' }), undefined);
    assert.strictEqual(resize(BUNDLED, { cpu: '2000m', memory: '4096Mi' }), undefined);
    assert.strictEqual(resize(NONE, {}), undefined);
  });

  it('raises a limit below the new request, and says so', () => {
    assert.deepStrictEqual(resize(BUNDLED, { cpu: '3', memory: '6Gi' }), {
      resources: { requests: { memory: '6Gi', cpu: '3' }, limits: { memory: '6Gi', cpu: '3' } },
      raised: ['CPU limit raised from 2 to 3', 'Memory limit raised from 4Gi to 6Gi'],
    });
  });

  it("keeps the file's limit when the request stays under it", () => {
    assert.deepStrictEqual(resize(BUNDLED, { cpu: '1' }), {
      resources: { requests: { memory: '4Gi', cpu: '1' }, limits: { memory: '4Gi', cpu: '2' } },
      raised: [],
    });
  });

  it('gives a file without resources requests and limits only for what the user sets', () => {
    assert.deepStrictEqual(resize(NONE, { memory: '8Gi' }), {
      resources: { requests: { memory: '8Gi' }, limits: { memory: '8Gi' } },
      raised: [],
    });
  });

  it('sets a GPU count only where the file asks for GPUs, as a limit as Kubernetes wants', () => {
    const gpuFile: Resources = { requests: { cpu: '2' }, limits: { 'nvidia.com/gpu': '1' } };
    assert.deepStrictEqual(resize(gpuFile, { gpu: '2' })?.resources, { requests: { cpu: '2' }, limits: { 'nvidia.com/gpu': '2' } });
    assert.strictEqual(resize(BUNDLED, { gpu: '2' }), undefined, 'no GPU resource in the file: nothing to set');
  });

  it('reads the size a run got from its compiled content (cpu as a number, as Polyaxon writes it)', () => {
    const content = JSON.stringify({
      kind: 'compiled_operation',
      run: { kind: 'service', container: { resources: { requests: { cpu: 3, memory: '6Gi' } } } },
    });
    assert.deepStrictEqual(runSize(content), { cpu: '3', memory: '6Gi' });
    assert.strictEqual(runSize(JSON.stringify({ run: { kind: 'service', container: {} } })), undefined);
    assert.strictEqual(runSize('not json'), undefined);
    assert.strictEqual(runSize(undefined), undefined);
  });
});
