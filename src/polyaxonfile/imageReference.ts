// Container image references, checked with the grammar Docker uses (github.com/distribution/reference, regexp.go):
//   reference := name [":" tag] ["@" digest];  name := [domain "/"] path-component ["/" path-component]*
// so that a value the cluster could never pull is refused in the wizard instead of failing as ImagePullBackOff.

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const TAG_ONLY = new RegExp(`^${TAG}$`);
const DIGEST_ONLY = new RegExp(`^${DIGEST}$`);
const PATH_ONLY = new RegExp(`^${PATH_COMPONENT}$`);
const DOMAIN_ONLY = new RegExp(`^${DOMAIN}$`);
const NAME_TOTAL_LENGTH_MAX = 255;

/** Why `value` is not an image reference Docker accepts, as a sentence for the user; undefined when it is one. */
export function imageReferenceProblem(value: string): string | undefined {
  const why = reason(value);
  return why === undefined ? undefined : `'${value}' is not an image reference: ${why}`;
}

function reason(value: string): string | undefined {
  if (value === '') return 'it is empty';
  const blank = /\s/.exec(value);
  if (blank) return blank[0] === ' ' ? 'it has a space' : 'it has a blank character (tab or line break)';
  const match = REFERENCE.exec(value);
  if (match) {
    if (match[1].length > NAME_TOTAL_LENGTH_MAX) return `the name is longer than ${NAME_TOTAL_LENGTH_MAX} characters`;
    if (!hasDomain(match[1]) && /[A-Z]/.test(match[1].split('/')[0])) return 'the repository name must be lowercase';
    return undefined;
  }
  return partProblem(value) ?? 'write it as [registry[:port]/]name[:tag][@digest], e.g. codercom/code-server:4.23.1';
}

/** Docker reads the first component as a registry when it has a dot or a port, or is localhost. */
function hasDomain(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash === -1) return false;
  const first = name.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[');
}

/** Names the part that breaks the grammar. */
function partProblem(value: string): string | undefined {
  const at = value.indexOf('@');
  const digest = at === -1 ? undefined : value.slice(at + 1);
  const rest = at === -1 ? value : value.slice(0, at);
  if (digest !== undefined && !DIGEST_ONLY.test(digest)) return `the digest '${digest}' must look like sha256:<64 hex digits>`;
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  const name = hasTag ? rest.slice(0, colon) : rest;
  if (hasTag) {
    const tag = rest.slice(colon + 1);
    if (!TAG_ONLY.test(tag)) {
      return tag === ''
        ? 'the tag after the colon is empty'
        : `the tag '${tag}' may hold only letters, digits, '_', '.' and '-', must not start with '.' or '-', ` +
            'and has at most 128 characters';
    }
  }
  if (name === '') return 'the name is missing';
  const components = name.split('/');
  const pathStart = hasDomain(name) ? 1 : 0;
  if (pathStart === 1 && !DOMAIN_ONLY.test(components[0])) {
    return `the registry '${components[0]}' is not a host name with an optional :port`;
  }
  for (const component of components.slice(pathStart)) {
    if (component === '') return 'it has an empty path component (two slashes, or a slash at an end)';
    if (PATH_ONLY.test(component)) continue;
    if (/[A-Z]/.test(component)) return `the repository name must be lowercase ('${component}')`;
    const bad = /[^a-z0-9._-]/.exec(component);
    if (bad) return `'${bad[0]}' cannot appear in an image name`;
    return `the name part '${component}' must start and end with a letter or digit, with single '.', '_' or '__' or dashes between`;
  }
  return undefined;
}
