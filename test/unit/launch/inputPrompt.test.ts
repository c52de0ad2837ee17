import * as assert from 'assert';
import type { LaunchInput } from '../../../src/polyaxonfile/launch';
import { inputWording } from '../../../src/launch/inputPrompt';

function input(extra: Partial<LaunchInput>): LaunchInput {
  return { name: 'X', required: false, isList: false, isImage: false, ...extra };
}

describe('inputWording', () => {
  it('asks for the image in words, after the kind of service', () => {
    const image = input({ name: 'DOCKER_IMAGE', type: 'str', default: 'codercom/code-server:4.23.1', isImage: true });
    const vscode = inputWording(image, 'vscode');
    assert.strictEqual(vscode.label, 'Image (your vscode-server image)');
    assert.strictEqual(vscode.prompt, 'Image (your vscode-server image)');
    assert.strictEqual(vscode.placeholder, 'Optional: leave empty for codercom/code-server:4.23.1');
    assert.strictEqual(inputWording(image, 'jupyter').label, 'Image (your Jupyter Lab image)');
  });

  it('never shows the file notation: no type names in parentheses, no "optional," list, no backticks', () => {
    const workingDir = input({ name: 'WORKING_DIR', type: 'str', description: 'The working directory\n  for the job.' });
    const wording = inputWording(workingDir, 'vscode');
    assert.strictEqual(wording.prompt, 'Working directory (where the service starts) · The working directory for the job.');
    assert.doesNotMatch(wording.prompt, /\(str|optional,|`/);
  });

  it('says what a typed input expects, and keeps an unknown input findable by its name', () => {
    const epochs = inputWording(input({ name: 'NUM_EPOCHS', type: 'int', required: true }), 'other');
    assert.strictEqual(epochs.label, 'Num epochs (NUM_EPOCHS)');
    assert.strictEqual(epochs.prompt, 'Num epochs (NUM_EPOCHS) · expects a whole number');
    assert.strictEqual(epochs.placeholder, undefined, 'a required input has no "leave empty" hint');
    assert.strictEqual(epochs.requiredMessage, 'Num epochs is required: enter a value.');
    assert.strictEqual(inputWording(input({ name: 'TAGS', type: 'str', isList: true }), 'other').prompt, 'Tags (TAGS) · expects a list');
    const sizes = input({ name: 'SIZES', type: 'int', isList: true });
    assert.strictEqual(inputWording(sizes, 'other').prompt, 'Sizes (SIZES) · expects a list, each a whole number');
  });
});
