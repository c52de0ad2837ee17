// A wizard of QuickPicks and InputBoxes with "Step N of M" and a Back button, after the pattern of
// vscode-extension-samples/quickinput-sample: each step is a function; Back re-runs the previous one.
import * as vscode from 'vscode';
import { setShownStep } from '../shownStep';
import { stepCounter, type Continues } from '../stepCounter';

/** Thrown out of a step to move the wizard; any other error ends it. */
class FlowAction extends Error {
  private constructor(name: string) {
    super(`wizard: ${name}`);
  }
  static readonly back = new FlowAction('back');
  static readonly cancel = new FlowAction('cancel');
}

export type WizardStep = (input: MultiStepInput) => Promise<void>;

export interface QuickPickStep<T extends vscode.QuickPickItem> {
  placeholder: string;
  items: readonly T[] | Promise<readonly T[]>;
  activeItem?: T;
  matchOnDescription?: boolean;
  /** An item for what the user has typed (e.g. "Use '<typed>'"), shown first while the filter text is not empty. */
  typedItem?(value: string): T | undefined;
  /** False keeps the pick open on Enter (e.g. a typed value that is not valid). */
  canAccept?(item: T): boolean;
}

export interface InputBoxStep {
  prompt: string;
  value?: string;
  placeholder?: string;
  /** Checked as the user types: a message blocks Enter. */
  validate?(value: string): string | undefined | Promise<string | undefined>;
  /** Runs on Enter with the box busy; a returned message keeps the box open (e.g. "project exists"). */
  accept?(value: string): Promise<string | undefined>;
  /** Show Back even on step 1: the box is a sub-step of a pick (e.g. "Enter another image…"). */
  back?: boolean;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private stepNumber = 1;

  private constructor(
    private readonly title: string,
    private readonly totalSteps: number,
    private readonly continues: Continues | undefined,
  ) {}

  /**
   * Runs `steps` in order; resolves true when all completed, false when the user cancelled. `continues`: the steps
   * go on counting after ones shown before (their title is the same form's).
   */
  static async run(title: string, steps: readonly WizardStep[], continues?: Continues): Promise<boolean> {
    const input = new MultiStepInput(title, steps.length, continues);
    const done: number[] = [];
    let index = 0;
    try {
      while (index < steps.length) {
        input.stepNumber = index + 1;
        try {
          await steps[index](input);
          done.push(index);
          index++;
        } catch (e) {
          if (e === FlowAction.back) index = done.pop() ?? 0;
          else if (e === FlowAction.cancel) return false;
          else throw e;
        }
      }
      return true;
    } finally {
      setShownStep(undefined);
      input.current?.dispose();
    }
  }

  /** The step's own sub-flows (e.g. "Enter another image…") throw this to go back inside the step. */
  static isBack(e: unknown): boolean {
    return e === FlowAction.back;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(step: QuickPickStep<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    this.prepare(pick);
    pick.placeholder = step.placeholder;
    this.shown(step.placeholder);
    pick.matchOnDescription = step.matchOnDescription ?? false;
    pick.busy = true;
    pick.show();
    const items = await Promise.resolve(step.items).finally(() => (pick.busy = false));
    pick.items = items;
    if (step.activeItem) pick.activeItems = [step.activeItem];
    const showTyped = (value: string) => {
      const typed = value.trim() ? step.typedItem?.(value.trim()) : undefined;
      pick.items = typed ? [typed, ...items] : items;
      if (typed) pick.activeItems = [typed];
    };
    return this.settle<T>(pick, (resolve) => [
      pick.onDidChangeValue((value) => {
        if (step.typedItem) showTyped(value);
      }),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen && (step.canAccept?.(chosen) ?? true)) resolve(chosen);
      }),
    ]);
  }

  async showInputBox(step: InputBoxStep): Promise<string> {
    const box = vscode.window.createInputBox();
    this.prepare(box, step.back);
    box.prompt = step.prompt;
    this.shown(step.prompt);
    box.value = step.value ?? '';
    box.placeholder = step.placeholder;
    let checked = 0;
    const check = async (value: string): Promise<string | undefined> => {
      const ticket = ++checked;
      const message = step.validate ? await step.validate(value) : undefined;
      if (ticket === checked) box.validationMessage = message;
      return message;
    };
    box.show();
    // An empty box is not scolded ("required") before the user has typed or pressed Enter.
    if (box.value) void check(box.value);
    return this.settle<string>(box, (resolve) => [
      box.onDidChangeValue((value) => void check(value)),
      box.onDidAccept(async () => {
        const value = box.value;
        box.enabled = false;
        box.busy = true;
        try {
          const message = (await check(value)) ?? (step.accept ? await step.accept(value) : undefined);
          box.validationMessage = message;
          if (!message) resolve(value);
        } finally {
          box.enabled = true;
          box.busy = false;
        }
      }),
    ]);
  }

  private shown(text: string): void {
    const counter = stepCounter(this.stepNumber, this.totalSteps, this.continues);
    setShownStep({ step: this.stepNumber, text, title: this.title, counter: counter && `${counter.step}/${counter.total}` });
  }

  private prepare(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, back = false): void {
    this.current?.dispose();
    this.current = input;
    input.title = this.title;
    const counter = stepCounter(this.stepNumber, this.totalSteps, this.continues);
    input.step = counter?.step;
    input.totalSteps = counter?.total;
    input.ignoreFocusOut = true;
    input.buttons = back || this.stepNumber > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Wires Back and Escape, lets the caller wire Enter, and cleans up the listeners whichever comes first. */
  private settle<R>(
    input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox,
    wire: (resolve: (value: R) => void) => vscode.Disposable[],
  ): Promise<R> {
    const disposables: vscode.Disposable[] = [];
    return new Promise<R>((resolve, reject) => {
      disposables.push(
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(FlowAction.back);
        }),
        input.onDidHide(() => reject(FlowAction.cancel)),
        ...wire(resolve),
      );
    }).finally(() => {
      for (const d of disposables) d.dispose();
    });
  }
}
