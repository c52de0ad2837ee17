// Which step of a multi-step form is on screen, for the integration tests (through the test API): they step through
// the launch form by gestures and wait for each step. Apart from multiStepInput.ts so that the core loads none of it.

/** The step on screen: its number in its own form, its placeholder or prompt, the title and the counter shown ("3/3"). */
export interface ShownStep {
  step: number;
  text: string;
  title: string;
  counter?: string;
}

let shown: ShownStep | undefined;

export function shownStep(): ShownStep | undefined {
  return shown;
}

export function setShownStep(step: ShownStep | undefined): void {
  shown = step;
}
