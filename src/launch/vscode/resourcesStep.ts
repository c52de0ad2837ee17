// The wizard's Resources step: the polyaxonfile's own size (Enter keeps it), the size last launched with in this
// project, or another one typed as Kubernetes quantities, CPUs then memory (then GPUs where the file asks for some).
import * as vscode from 'vscode';
import { sizeOf, sizeProblem, sizeText, type Resources, type Size, type SizeField } from '../../polyaxonfile/resources';
import { MultiStepInput } from '../../workbench/vscode/multiStepInput';

export interface ResourcesStepOptions {
  /** The polyaxonfile's resources, the size they ask for, and its name ("vscode-service.yml"). */
  file: Resources;
  fileSize: Size;
  fileName: string;
  /** The size last launched with for this project and kind, if any. */
  recent?: Size;
  /** The size chosen so far (the file's, or what the user chose before coming Back). */
  current: Size;
}

interface SizeItem extends vscode.QuickPickItem {
  size?: Size;
}

const PROMPTS: Record<SizeField, string> = {
  cpu: 'CPUs for the service (Kubernetes quantity: 2, 2.5 or 500m)',
  memory: 'Memory for the service (Kubernetes quantity: 512Mi, 4Gi or 4G)',
  gpu: 'GPUs for the service (a whole number)',
};

/** Resolves the chosen size. */
export async function resourcesStep(input: MultiStepInput, opts: ResourcesStepOptions): Promise<Size> {
  const limits = sizeText(sizeOf({ requests: {}, limits: opts.file.limits }));
  const fileItem: SizeItem = {
    label: sizeText(opts.fileSize),
    description: `from ${opts.fileName}`,
    detail: limits === sizeText(opts.fileSize) || !Object.keys(opts.file.limits).length ? undefined : `limited to ${limits}`,
    size: opts.fileSize,
  };
  const items: SizeItem[] = [fileItem];
  const offered = [opts.fileSize];
  if (opts.recent && !offered.some((s) => sizeText(s) === sizeText(opts.recent!))) {
    items.push({ label: sizeText(opts.recent), description: 'your last choice', size: opts.recent });
    offered.push(opts.recent);
  }
  const chosenBefore = !offered.some((s) => sizeText(s) === sizeText(opts.current));
  if (chosenBefore) items.push({ label: sizeText(opts.current), description: 'your choice', size: opts.current });
  const other: SizeItem = { label: '$(edit) Other size…', description: 'type CPUs and memory' };
  items.push(other);
  for (;;) {
    const picked = await input.showQuickPick<SizeItem>({
      placeholder: 'Resources: CPUs and memory the service asks for (Enter keeps the polyaxonfile’s)',
      items,
      activeItem: items.find((i) => i.size && sizeText(i.size) === sizeText(opts.current)) ?? fileItem,
    });
    if (picked.size) return picked.size;
    try {
      return await typeSize(input, opts);
    } catch (e) {
      // Back from the first box: the pick again.
      if (!MultiStepInput.isBack(e)) throw e;
    }
  }
}

/** CPUs, then memory, then GPUs: each checked as typed; Back goes to the previous box, or out of the first. */
async function typeSize(input: MultiStepInput, opts: ResourcesStepOptions): Promise<Size> {
  // A GPU count only where the polyaxonfile asks for GPUs (dev environments usually have none).
  const fields: SizeField[] = opts.fileSize.gpu !== undefined ? ['cpu', 'memory', 'gpu'] : ['cpu', 'memory'];
  const size: Size = { ...opts.current };
  let index = 0;
  while (index < fields.length) {
    const field = fields[index];
    try {
      size[field] = (
        await input.showInputBox({
          prompt: PROMPTS[field],
          value: size[field] ?? '',
          placeholder: field === 'memory' ? '4Gi' : '2',
          // Empty keeps the polyaxonfile's amount (or none, where it sets none).
          validate: (value) => (value.trim() ? sizeProblem(field, value) : undefined),
          back: true,
        })
      ).trim();
      if (size[field] === '') size[field] = opts.fileSize[field];
      index++;
    } catch (e) {
      if (!MultiStepInput.isBack(e) || index === 0) throw e;
      index--;
    }
  }
  return size;
}
