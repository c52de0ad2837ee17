// pydantic's validation text (as Polyaxon v2 sends it in a 400) in words; anything else untouched.
import * as assert from 'assert';
import { pydanticInWords } from '../../../src/polyaxon/pydanticText';

describe('pydanticInWords', () => {
  it('says which field is wrong and why, without the pydantic type codes', () => {
    // recorded-v2/run-create.unknown-field.json
    assert.strictEqual(
      pydanticInWords('1 validation error for V1CompiledOperation\ntemplate\n  extra fields not permitted (type=value_error.extra)'),
      'The compiled operation is not valid: template: not a field Polyaxon knows; remove it',
    );
  });

  it('lists every error, with nested locations as pydantic joins them', () => {
    // The shape of pydantic v1's str(ValidationError): "loc -> loc" on one line, the message indented below it.
    const text =
      "2 validation errors for V1Operation\ncomponent -> run\n  No match for discriminator 'kind' and value 'notakind' (allowed values: 'job', 'service') (type=value_error.discriminated_union.invalid_discriminator; discriminator_key=kind)\nname\n  field required (type=value_error.missing)";
    assert.strictEqual(
      pydanticInWords(text),
      "The operation is not valid: component -> run: No match for discriminator 'kind' and value 'notakind' (allowed values: 'job', 'service'); name: required, but missing",
    );
  });

  it('leaves other texts as they are, multi-line ones too', () => {
    for (const text of [
      'Received non valid yaml: `a: [`.\nYaml error while parsing a flow sequence',
      'Run expects a `content`.',
      'Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.',
      '',
    ]) {
      assert.strictEqual(pydanticInWords(text), text);
    }
  });
});
