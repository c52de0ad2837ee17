// The launch form, built from the polyaxonfile's inputs so that any service polyaxonfile gets fitting steps:
// [a service of this kind is already up: open it, launch another, or replace it] → one step per input → run name
// → review. The launch manager checks the connection and the project first. Thin: checking a value is the caller's.
import * as vscode from 'vscode';
import type { LaunchInput } from '../../polyaxonfile';
import type { ExistingAnswer, ExistingChoice } from '../existingService';
import type { ServiceKind } from '../../polyaxon/serviceKind';
import { inputWording } from '../inputPrompt';
import { resize, sizeOf, sizeText, type Size } from '../../polyaxonfile/resources';
import type { WizardRequest } from '../launchPorts';
import { imageStep } from './imageStep';
import { resourcesStep } from './resourcesStep';
import { MultiStepInput, type WizardStep } from '../../workbench/vscode/multiStepInput';

export interface LaunchWizardOptions {
  title: string;
  /** The project, checked to exist by the launch manager. */
  project: string;
  /** An active service of the same kind: the first step asks what to do about it. */
  existing?: { question: string; choices: readonly ExistingChoice[] };
  /** How the polyaxonfile is shown in the review step (workspace-relative path or "bundled …"). */
  fileLabel: string;
  inputs: readonly LaunchInput[];
  /** The default run name. */
  name?: string;
  /** Words the image step after the service ("your vscode-server image"). */
  kind: ServiceKind;
  recentImages(project: string): readonly string[];
  /** Why `params[name]` is not acceptable (type, options, placeholders), or undefined. */
  checkParam(params: Readonly<Record<string, string>>, name: string): string | undefined;
  resources: WizardRequest['resources'];
}

export interface LaunchChoice {
  /** The answer to the existing-service step, when there was one. */
  existing?: ExistingAnswer;
  /** Only values that differ from the polyaxonfile's defaults, like `-P` on the CLI. */
  params: Record<string, string>;
  name?: string;
  /** The size chosen in the Resources step. */
  size?: Size;
}

/** The storage volume the AISG guide mounts (`-P WORKING_DIR=/polyaxon-v1-data`). */
export const DEFAULT_WORKING_DIR = '/polyaxon-v1-data';

interface ValueItem extends vscode.QuickPickItem {
  value?: string;
}

/** Resolves the user's choices, or undefined when the wizard was dismissed. */
export async function runLaunchWizard(opts: LaunchWizardOptions): Promise<LaunchChoice | undefined> {
  const fileSize = sizeOf(opts.resources.file);
  const state: WizardState = {
    project: opts.project,
    values: initialValues(opts),
    name: opts.name ?? '',
    size: { ...fileSize, ...opts.resources.initial },
  };
  const steps: WizardStep[] = [];
  let existing: ExistingAnswer | undefined;
  if (opts.existing) {
    const { question, choices } = opts.existing;
    steps.push(async (input) => {
      existing = await existingStep(input, question, choices);
      // Opening the active service ends the wizard: the remaining steps are for a new one.
      if (existing === 'open') throw OPEN_EXISTING;
    });
  }
  const sizeStep: WizardStep = async (input) => {
    state.size = await resourcesStep(input, { ...opts.resources, fileSize, current: state.size });
  };
  // The Resources step comes right after the image, or after the inputs when no input is the image.
  for (const io of opts.inputs) {
    steps.push((input) => inputStep(input, io, state, opts));
    if (io.isImage) steps.push(sizeStep);
  }
  if (!steps.includes(sizeStep)) steps.push(sizeStep);
  steps.push(async (input) => {
    state.name = await input.showInputBox({ prompt: "Run name (optional): leave empty to use the polyaxonfile's name", value: state.name });
  });
  let launch = false;
  steps.push(async (input) => {
    launch = await reviewStep(input, state, opts);
  });
  let completed: boolean;
  try {
    completed = await MultiStepInput.run(opts.title, steps);
  } catch (e) {
    if (e === OPEN_EXISTING) return { existing: 'open', params: {} };
    throw e;
  }
  if (!completed || !launch) return undefined;
  return { existing, params: changedParams(opts.inputs, state.values), name: state.name.trim() || undefined, size: state.size };
}

const OPEN_EXISTING = new Error('wizard: open the existing service');

interface ExistingItem extends vscode.QuickPickItem {
  answer: ExistingAnswer;
}

/** The first step when a service of this kind is already up, worded after its state (by the launch manager). */
async function existingStep(input: MultiStepInput, question: string, choices: readonly ExistingChoice[]): Promise<ExistingAnswer> {
  const items: ExistingItem[] = choices.map((c) => ({ label: c.label, detail: c.detail, answer: c.answer }));
  const picked = await input.showQuickPick<ExistingItem>({
    placeholder: question,
    items,
    activeItem: items[0],
  });
  return picked.answer;
}

interface WizardState {
  project: string;
  values: Record<string, string>;
  name: string;
  size: Size;
}

function initialValues(opts: LaunchWizardOptions): Record<string, string> {
  const values: Record<string, string> = {};
  for (const io of opts.inputs) {
    const fallback = io.name === 'WORKING_DIR' ? DEFAULT_WORKING_DIR : '';
    values[io.name] = io.default ?? fallback;
  }
  return values;
}

async function inputStep(input: MultiStepInput, io: LaunchInput, state: WizardState, opts: LaunchWizardOptions): Promise<void> {
  const choices = io.options?.length ? io.options : io.type === 'bool' && !io.isList ? ['true', 'false'] : undefined;
  if (choices) {
    state.values[io.name] = await pickValue(input, io, choices, state.values[io.name], opts);
  } else if (io.isImage && opts.recentImages(state.project).length) {
    state.values[io.name] = await imageValue(input, io, state, opts);
  } else {
    state.values[io.name] = await typeValue(input, io, state, opts);
  }
}

/** Recent images for this project first, the polyaxonfile's default, then what the user types. */
async function imageValue(input: MultiStepInput, io: LaunchInput, state: WizardState, opts: LaunchWizardOptions): Promise<string> {
  const images = [...new Set([...opts.recentImages(state.project), ...(io.default ? [io.default] : [])])];
  return imageStep(input, {
    wording: inputWording(io, opts.kind),
    images,
    defaultImage: io.default,
    current: state.values[io.name],
    problem: (image) => valueProblem(io, image, state, opts),
  });
}

async function pickValue(
  input: MultiStepInput,
  io: LaunchInput,
  choices: readonly string[],
  current: string,
  opts: LaunchWizardOptions,
): Promise<string> {
  const fallback = io.default;
  const items: ValueItem[] = choices.map((value) => ({ label: value, value, description: value === fallback ? 'default' : undefined }));
  if (!io.required && fallback === undefined) items.push({ label: '(not set)', value: '', description: 'leave this input empty' });
  const picked = await input.showQuickPick<ValueItem>({
    placeholder: inputWording(io, opts.kind).prompt,
    items,
    activeItem: items.find((i) => i.value === current),
  });
  return picked.value ?? '';
}

async function typeValue(input: MultiStepInput, io: LaunchInput, state: WizardState, opts: LaunchWizardOptions): Promise<string> {
  const wording = inputWording(io, opts.kind);
  return input.showInputBox({
    prompt: wording.prompt,
    value: state.values[io.name],
    placeholder: wording.placeholder,
    validate: (value) => (value.trim() ? valueProblem(io, value.trim(), state, opts) : io.required ? wording.requiredMessage : undefined),
  });
}

/** Why `value` cannot be launched for `io`: a placeholder left in, or what the CLI's params check says. */
function valueProblem(io: LaunchInput, value: string, state: WizardState, opts: LaunchWizardOptions): string | undefined {
  // The AISG files ship defaults like registry.aisingapore.net/<PROJECT_REPO>/vscode-server:0.1.0.
  const placeholder = /<[A-Z][A-Z0-9_]*>/.exec(value)?.[0];
  if (placeholder) return `Replace the placeholder ${placeholder}.`;
  return opts.checkParam({ ...changedParams(opts.inputs, state.values), [io.name]: value }, io.name);
}

async function reviewStep(input: MultiStepInput, state: WizardState, opts: LaunchWizardOptions): Promise<boolean> {
  const launchItem: vscode.QuickPickItem = { label: '$(rocket) Launch', description: `in ${state.project}` };
  const summary: vscode.QuickPickItem[] = [
    { label: 'Project', description: state.project },
    { label: 'Polyaxonfile', description: opts.fileLabel },
    ...opts.inputs.map((io) => ({
      label: inputWording(io, opts.kind).label,
      description: state.values[io.name] ? state.values[io.name] : '(not set)',
      detail: state.values[io.name] === io.default ? 'default from the polyaxonfile' : undefined,
    })),
    resourcesRow(state.size, opts),
    { label: 'Run name', description: state.name.trim() || '(from the polyaxonfile)' },
  ];
  // Picking a summary line does nothing: Back is how to change it.
  for (;;) {
    const picked = await input.showQuickPick({
      placeholder: 'Check and launch (Back to change a value)',
      items: [launchItem, { label: 'What will be launched', kind: vscode.QuickPickItemKind.Separator }, ...summary],
      activeItem: launchItem,
    });
    if (picked === launchItem) return true;
  }
}

function changedParams(inputs: readonly LaunchInput[], values: Readonly<Record<string, string>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const io of inputs) {
    const value = values[io.name]?.trim() ?? '';
    if (value && value !== io.default) params[io.name] = value;
  }
  return params;
}

/** The review's Resources line: the size, and whether it is the file's or which limits it raises. */
function resourcesRow(size: Size, opts: LaunchWizardOptions): vscode.QuickPickItem {
  const resized = resize(opts.resources.file, size);
  const detail = !resized
    ? `from ${opts.resources.fileName}`
    : resized.raised.length
      ? `${resized.raised.join('; ')}: limits stay at or above requests`
      : `instead of ${sizeText(sizeOf(opts.resources.file))} from ${opts.resources.fileName}`;
  return { label: 'Resources', description: sizeText(size), detail };
}
