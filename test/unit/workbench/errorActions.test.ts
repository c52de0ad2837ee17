import * as assert from 'assert';
import { errorReport } from '../../../src/workbench/errorActions';
import { PolyaxonError, type PolyaxonErrorKind } from '../../../src/polyaxon/errors';
import { PolyaxonfileError } from '../../../src/polyaxonfile';

function polyaxonError(kind: PolyaxonErrorKind): PolyaxonError {
  return new PolyaxonError({ kind, message: `it went ${kind}`, host: 'http://localhost:8000', method: 'GET', path: '/api/v1/x' });
}

const titles = (e: unknown) => errorReport(e)?.actions.map((a) => a.title);

describe('the error every command shows', () => {
  it('offers what fixes each kind of Polyaxon failure', () => {
    assert.deepStrictEqual(titles(polyaxonError('unreachable')), ['Configure Connection', 'Show Log']);
    assert.deepStrictEqual(titles(polyaxonError('timeout')), ['Configure Connection', 'Show Log']);
    assert.deepStrictEqual(titles(polyaxonError('unauthorized')), ['Configure Connection']);
    assert.deepStrictEqual(titles(polyaxonError('projectNotFound')), ['Select Project']);
    assert.deepStrictEqual(titles(polyaxonError('tls')), ['Open TLS Settings', 'Configure Connection']);
    assert.deepStrictEqual(titles(polyaxonError('server')), ['Show Log']);
    assert.deepStrictEqual(titles(new Error('git is not installed')), ['Show Log']);
    assert.strictEqual(errorReport(polyaxonError('unreachable'))?.message, 'it went unreachable');
  });

  it('says nothing about a request the user cancelled', () => {
    assert.strictEqual(errorReport(polyaxonError('cancelled')), undefined);
  });

  it('names the first polyaxonfile problem with Open File at its position, and logs them all', () => {
    const problem = (line: number, message: string) => ({ file: '/w/svc.yml', line, column: 3, field: 'run', message, hint: '' });
    const report = errorReport(new PolyaxonfileError([problem(5, 'bad type'), problem(9, 'no ports')]));
    assert.strictEqual(
      report?.message,
      'Nothing was sent to Polyaxon. /w/svc.yml:5:3: bad type (+1 more in the Problems panel and the Polyaxon log)',
    );
    assert.deepStrictEqual(report.actions, [{ title: 'Open File', file: '/w/svc.yml', line: 5, column: 3 }]);
    assert.deepStrictEqual(report.details, ['/w/svc.yml:5:3: bad type', '/w/svc.yml:9:3: no ports']);
  });
});
