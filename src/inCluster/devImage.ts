import * as path from 'path';

export type DevImageKind = 'vscode' | 'jupyter';

/** The AISG template's Dockerfiles: `docker/<repo>-poly-vscode.Dockerfile` and `docker/<repo>-jupyter.Dockerfile`. */
export const DEV_DOCKERFILE_GLOB = 'docker/*{-poly-vscode,-jupyter}.Dockerfile';

const SUFFIX: Record<DevImageKind, string> = { vscode: '-poly-vscode.Dockerfile', jupyter: '-jupyter.Dockerfile' };
/** Image names used by the guide (`asia.gcr.io/$GCP_PROJECT_ID/vscode-server:0.1.0`, `…/jupyter:0.1.0`). */
const IMAGE_NAME: Record<DevImageKind, string> = { vscode: 'vscode-server', jupyter: 'jupyter' };
const FIRST_TAG = '0.1.0';

export function dockerfileKind(file: string): DevImageKind | undefined {
  const base = path.basename(file);
  return (Object.keys(SUFFIX) as DevImageKind[]).find((kind) => base.endsWith(SUFFIX[kind]) && base.length > SUFFIX[kind].length);
}

/** The project id the guide exports as GCP_PROJECT_ID, or what gcloud would use. */
export function gcpProjectFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return [env.GCP_PROJECT_ID, env.CLOUDSDK_CORE_PROJECT, env.GOOGLE_CLOUD_PROJECT].map((v) => v?.trim()).find((v) => !!v);
}

export const PROJECT_PLACEHOLDER = '<gcp-project-id>';

/**
 * Suggests `<registry path>/<vscode-server|jupyter>:0.1.0`: next to the image of the other kind when there is one
 * (same registry and project), else on GCR as in the guide.
 */
export function suggestImage(kind: DevImageKind, hints: { otherImage?: string; gcpProject?: string }): string {
  const repository = hints.otherImage ? withoutTag(hints.otherImage) : undefined;
  const slash = repository?.lastIndexOf('/') ?? -1;
  const registryPath = repository && slash > 0 ? repository.slice(0, slash) : `asia.gcr.io/${hints.gcpProject ?? PROJECT_PLACEHOLDER}`;
  return `${registryPath}/${IMAGE_NAME[kind]}:${FIRST_TAG}`;
}

function withoutTag(image: string): string {
  const noDigest = image.split('@')[0];
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/** Returns why `image` is not a usable `name:tag` for docker, or undefined. Docker's reference grammar, simplified. */
export function checkImageName(input: string): string | undefined {
  const image = input.trim();
  if (image === '') return 'Enter the image as registry/path/name:tag, for example asia.gcr.io/my-project/vscode-server:0.1.0.';
  if (image.includes('<') || image.includes('>')) return 'Replace the <placeholder> with your value.';
  const colon = image.lastIndexOf(':');
  if (colon <= image.lastIndexOf('/')) {
    return 'Add a tag, for example :0.1.0, so that each build can be told apart (and launched) by its tag.';
  }
  const [repository, tag] = [image.slice(0, colon), image.slice(colon + 1)];
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
    return `"${tag}" is not a valid tag (letters, digits, "_", "." and "-", at most 128).`;
  }
  const [first, ...rest] = repository.split('/');
  const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
  // The first part is a registry host when it has a "." or ":" or is localhost; hosts may have a port.
  const host = rest.length > 0 && (/[.:]/.test(first) || first === 'localhost') ? first : undefined;
  const components = host ? rest : [first, ...rest];
  if (host && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return `"${host}" is not a valid registry host.`;
  if (components.length === 0 || !components.every((c) => component.test(c))) {
    return 'Image paths use lowercase letters, digits and single ".", "_" or "-" separators.';
  }
  return undefined;
}

/**
 * Why a Dockerfile path cannot be built, or undefined. Control characters (a newline, say) are refused: a file name
 * holding one is a trap, and would break the task's title and the log line. Every other character is passed as is,
 * since no shell reads the arguments.
 */
export function dockerfileProblem(file: string): string | undefined {
  // C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
  const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
  const control = [...file].map((ch) => ch.codePointAt(0) ?? 0).find(isControl);
  if (control === undefined) return undefined;
  const code = control.toString(16).toUpperCase().padStart(4, '0');
  return `The Dockerfile path holds a control character (U+${code}), which is refused: rename the file and try again.`;
}

export interface Step {
  title: string;
  command: string;
  args: string[];
}

/**
 * The docker runs, each as the program and its exact arguments (no shell reads them): build as the guide does, then,
 * given `bakeContext` (a folder holding Dockerfile and the .vsix), build again from it under the same tag, then push.
 */
export function buildAndPushSteps(image: string, dockerfile: string, bakeContext?: string): Step[] {
  const bake = bakeContext && {
    title: `Add Polyaxon Dev Environments to ${image}`,
    command: 'docker',
    args: ['build', '-t', image, '-f', path.join(bakeContext, 'Dockerfile'), bakeContext],
  };
  return [
    { title: `Build ${image}`, command: 'docker', args: ['build', '-t', image, '-f', dockerfile, '.'] },
    ...(bake ? [bake] : []),
    { title: `Push ${image}`, command: 'docker', args: ['push', image] },
  ];
}
