// The wizard's image step when there are recent images: pick one, or type a new one and take the live
// "Use '<typed>'" item. A typed image that Docker would refuse is shown with the reason and cannot be taken.
import * as vscode from 'vscode';
import type { InputWording } from '../inputPrompt';
import { MultiStepInput } from '../../workbench/vscode/multiStepInput';

export interface ImageStepOptions {
  wording: InputWording;
  /** This project's recent images first, then the polyaxonfile's default. */
  images: readonly string[];
  defaultImage?: string;
  current: string;
  /** Why the image cannot be launched (reference format, placeholder), or undefined. */
  problem(image: string): string | undefined;
}

interface ImageItem extends vscode.QuickPickItem {
  image: string;
  problem?: string;
}

/** Resolves the chosen or typed image. */
export async function imageStep(input: MultiStepInput, opts: ImageStepOptions): Promise<string> {
  const items: ImageItem[] = opts.images.map((image) => ({
    label: image,
    image,
    description: image === opts.defaultImage ? 'default' : 'recent',
  }));
  const picked = await input.showQuickPick<ImageItem>({
    placeholder: `${opts.wording.label}: pick a recent one, or type another`,
    items,
    // The newest recent image, unless the user already chose another one and came Back.
    activeItem: items.find((i) => i.image === opts.current && opts.current !== opts.defaultImage) ?? items[0],
    typedItem: (typed) => (opts.images.includes(typed) ? undefined : typedItem(typed, opts.problem(typed))),
    canAccept: (item) => !item.problem,
  });
  return picked.image;
}

function typedItem(image: string, problem: string | undefined): ImageItem {
  return {
    label: `Use '${image}'`,
    image,
    problem,
    alwaysShow: true,
    detail: problem ? `$(error) ${problem}` : undefined,
    description: problem ? undefined : 'the image you typed',
  };
}
