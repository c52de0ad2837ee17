// What the launch wizard needs to know about a service polyaxonfile.
import { Polyaxonfile } from './parse';

export interface LaunchInput {
  name: string;
  description?: string;
  type?: string;
  /** The default as the text one would pass with `-P`; undefined when there is none. */
  default?: string;
  /** Not optional: launching without a value fails. */
  required: boolean;
  /** The allowed values, as text. */
  options?: string[];
  isList: boolean;
  /** The container's image is exactly this input (`image: "{{ NAME }}"`). */
  isImage: boolean;
}

/** The input named by a container image written as `{{ NAME }}`, the way the AISG files pass DOCKER_IMAGE. */
export function imageInputName(pf: Polyaxonfile): string | undefined {
  return /^\{\{\s*([\w-]+)\s*\}\}$/.exec(pf.image ?? '')?.[1];
}

/** Every input of the file, in file order, to ask the user about. */
export function launchInputs(pf: Polyaxonfile): LaunchInput[] {
  const image = imageInputName(pf);
  return pf.inputs
    .filter((io) => io.name)
    .map((io) => ({
      name: io.name,
      description: io.description,
      type: io.type,
      default: io.value === undefined ? undefined : asText(io.value),
      required: !io.isOptional && !io.delayValidation,
      options: io.options?.map(asText),
      isList: io.isList,
      isImage: io.name === image,
    }));
}

/** Polyaxon's parse_string: texts as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
