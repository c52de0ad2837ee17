// The walkthrough's steps tick by command when their key turns true: VS Code's walkthroughs service, created when
// the walkthrough is first shown, never ticks an `onContext:` step whose key was already true then.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initContextKeys, setContext } from '../../../src/servicesView/contextKeys';
import { STEP_OF_KEY, tickStepsFromKeys, WALKTHROUGH_ID } from '../../../src/walkthrough/walkthroughTicks';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] };
};

describe('walkthrough ticks', () => {
  const ran: [string, string][] = [];
  let stop: () => void;

  beforeEach(async () => {
    await initContextKeys(() => Promise.resolve());
    ran.length = 0;
    stop = tickStepsFromKeys(`${manifest.publisher}.${manifest.name}`, (command, arg) => (ran.push([command, arg]), Promise.resolve()));
  });
  afterEach(() => stop());

  it('marks Connect, Project and Launch complete when their key turns true, by the id VS Code gives the step', async () => {
    await setContext('polyaxon.projectChosen', true);
    await setContext('polyaxon.connected', true);
    await setContext('polyaxon.serviceRunning', true);
    const id = `${manifest.publisher}.${manifest.name}#${WALKTHROUGH_ID}`;
    assert.deepStrictEqual(ran, [
      ['welcome.markStepComplete', `${id}#project`],
      ['welcome.markStepComplete', `${id}#connect`],
      ['welcome.markStepComplete', `${id}#launch`],
    ]);
  });

  it('marks nothing for a key that turns false, an unchanged key, or a key of no step', async () => {
    await setContext('polyaxon.connected', false);
    await setContext('polyaxon.state', 'ok');
    await setContext('polyaxon.inCluster', true);
    assert.deepStrictEqual(ran, []);
  });

  it('names steps the manifest has, each ticked by the same key there, and leaves no onContext step out', () => {
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
    assert.ok(walkthrough);
    for (const [key, step] of Object.entries(STEP_OF_KEY)) {
      assert.deepStrictEqual(walkthrough.steps.find((s) => s.id === step)?.completionEvents, [`onContext:${key}`], step);
    }
    const byContext = walkthrough.steps.filter((s) => s.completionEvents.some((e) => e.startsWith('onContext:'))).map((s) => s.id);
    assert.deepStrictEqual(byContext.sort(), Object.values(STEP_OF_KEY).sort());
  });
});
