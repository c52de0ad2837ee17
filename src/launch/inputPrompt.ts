// How the launch wizard asks for a polyaxonfile input, in words ("Image (your vscode-server image)") rather than
// the file's own notation ("DOCKER_IMAGE (str, optional, …)"). The input's name stays visible for the unknown ones.
import type { LaunchInput } from '../polyaxonfile/launch';
import type { ServiceKind } from '../polyaxon/serviceKind';

export interface InputWording {
  /** What the step asks for, e.g. "Image (your vscode-server image)". */
  label: string;
  /** The step's prompt: the label, then the polyaxonfile's description of the input. */
  prompt: string;
  /** Shown in the empty box: what leaving it empty means. */
  placeholder?: string;
  /** Shown once the user has typed and cleared the box, or pressed Enter on it empty. */
  requiredMessage: string;
}

const IMAGE_OF: Record<ServiceKind, string> = {
  vscode: 'your vscode-server image',
  jupyter: 'your Jupyter Lab image',
  other: "the service's image",
};

const KNOWN: Record<string, string> = {
  WORKING_DIR: 'Working directory (where the service starts)',
};

/** Types in words; texts need no word. */
const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  float: 'a number',
  bool: 'true or false',
  dict: 'a JSON object',
  list: 'a JSON list',
  uri: 'a URL',
  path: 'a path',
};

export function inputWording(io: LaunchInput, kind: ServiceKind): InputWording {
  const label = io.isImage || io.name === 'DOCKER_IMAGE' ? `Image (${IMAGE_OF[kind]})` : (KNOWN[io.name] ?? readableName(io));
  const description = io.description?.replace(/\s+/g, ' ').trim();
  const typeWord = io.type ? TYPE_WORDS[io.type] : undefined;
  const expects = typeWord ? (io.isList ? `a list, each ${typeWord}` : typeWord) : io.isList ? 'a list' : undefined;
  const prompt = [label, expects ? `expects ${expects}` : '', description ?? ''].filter(Boolean).join(' · ');
  let placeholder: string | undefined;
  if (!io.required) {
    placeholder = io.default !== undefined ? `Optional: leave empty for ${io.default}` : 'Optional: leave empty to leave it unset';
  }
  return { label, prompt, placeholder, requiredMessage: `${label.replace(/ \(.*\)$/, '')} is required: enter a value.` };
}

/** DATA_PATH → "Data path (DATA_PATH)": readable, and still findable in the polyaxonfile. */
function readableName(io: LaunchInput): string {
  const words = io.name.replace(/[_-]+/g, ' ').trim().toLowerCase();
  const readable = words.charAt(0).toUpperCase() + words.slice(1);
  return readable === io.name ? readable : `${readable} (${io.name})`;
}
