// The walkthrough's steps are ticked by `welcome.markStepComplete` with the ids the extension builds: in a real
// VS Code, a step id that its walkthroughs service does not know is refused, so these ids are VS Code's own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { STEP_OF_KEY, WALKTHROUGH_ID } from '../../src/walkthrough/walkthroughTicks';
import { extension, waitFor } from './helpers';

const mark = (id: string): Promise<boolean> =>
  Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', id)).then(
    () => true,
    () => false,
  );

describe('walkthrough ticks in VS Code', function () {
  this.timeout(30_000);

  it('marks each step by an id that VS Code knows, and refuses one it does not', async () => {
    await extension().activate();
    const id = (step: string) => `${extension().id}#${WALKTHROUGH_ID}#${step}`;
    // The first call creates VS Code's walkthroughs service, which registers the walkthroughs as it starts.
    await waitFor(() => mark(id('connect')), 'VS Code marks the Connect step');
    for (const step of Object.values(STEP_OF_KEY)) assert.ok(await mark(id(step)), step);
    assert.strictEqual(await mark(id('no-such-step')), false);
  });
});
