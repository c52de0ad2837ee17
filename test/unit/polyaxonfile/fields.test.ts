// The field lists kept by hand against the v1.11.3 swagger they mirror, so that neither drifts: the CLI's
// (src/polyaxonfile/fields.ts) and the fake server's (test/fake-polyaxon/read-operation.ts, which may not import the product).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fake from '../../fake-polyaxon/read-operation';
import { COMPONENT_FIELDS, IO_FIELDS, SERVICE_FIELDS } from '../../../src/polyaxonfile/fields';
import { SHARED } from './helpers';
import { requireShared } from '../sharedFacts';

const SWAGGER = 'polyaxon_sdk.swagger.v1.11.3.json';

type Definitions = Record<string, { properties?: Record<string, unknown>; enum?: string[] }>;

const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('polyaxonfile/fields: the hand-kept lists against the v1.11.3 swagger', function () {
  let definitions: Definitions;
  const fieldsOf = (definition: string): string[] => sorted(Object.keys(definitions[definition].properties ?? {}));

  before(function () {
    requireShared(this, SWAGGER);
    definitions = (JSON.parse(fs.readFileSync(path.join(SHARED, SWAGGER), 'utf8')) as { definitions: Definitions }).definitions;
  });

  it("the CLI's component, input/output and service fields", () => {
    assert.deepStrictEqual(sorted(COMPONENT_FIELDS), fieldsOf('v1Component'));
    assert.deepStrictEqual(sorted(IO_FIELDS), fieldsOf('v1IO'));
    assert.deepStrictEqual(sorted(SERVICE_FIELDS), fieldsOf('v1Service'));
  });

  it("the fake server's operation and component fields and run kinds", () => {
    assert.deepStrictEqual(sorted(fake.OPERATION_FIELDS), fieldsOf('v1Operation'));
    const inlineComponent = fieldsOf('v1Component').filter((field) => field !== 'template');
    assert.deepStrictEqual(
      sorted(fake.COMPONENT_FIELDS),
      inlineComponent,
      'the server refuses `template` in a component (run-create.unknown-field)',
    );
    const componentKinds = sorted(definitions.v1RunKind.enum ?? []).filter((kind) => kind !== 'matrix' && kind !== 'schedule');
    assert.deepStrictEqual(sorted(fake.RUN_KINDS), componentKinds, 'every kind but the pipeline-only matrix and schedule');
  });
});
