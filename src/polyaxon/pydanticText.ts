// Polyaxon v2 checks a run's content with pydantic and answers 400 with pydantic's own text, e.g.
//   "1 validation error for V1CompiledOperation\ntemplate\n  extra fields not permitted (type=value_error.extra)"
// (pydantic v1 error_wrappers.py, as haupt v2.5.2 sends it: "{n} validation error(s) for {Model}", then for each error
// its location joined by " -> " on one line and, indented, its message ending in "(type=…)"). This says it in words.

const HEADER = /^\d+ validation errors? for (\w+)\s*$/;

/** The models a polyaxonfile becomes, as a user knows them. */
const MODELS: Record<string, string> = {
  V1Operation: 'The operation',
  V1CompiledOperation: 'The compiled operation',
  V1Component: 'The component',
};

/** pydantic's messages that have plainer words. */
const PLAIN: [RegExp, string][] = [
  [/^extra fields not permitted$/, 'not a field Polyaxon knows; remove it'],
  [/^string does not match regex "\^\[-a-zA-Z0-9_\]\+\\Z"$/, "only letters, digits, '-' and '_' are allowed"],
  [/^field required$/, 'required, but missing'],
];

/** A pydantic validation text in words ("The operation is not valid: name: only letters, …"); any other text as it is. */
export function pydanticInWords(text: string): string {
  const [first, ...rest] = text.split('\n');
  const header = HEADER.exec(first);
  if (!header) return text;
  const problems: { where: string; said: string[] }[] = [];
  for (const line of rest) {
    if (!line.startsWith(' ')) problems.push({ where: line.trim(), said: [] });
    else if (problems.length) problems[problems.length - 1].said.push(line.trim());
  }
  const words = problems.map(({ where, said }) => {
    const message = said.join(' ').replace(/\s*\(type=.*\)$/, '');
    const plain = PLAIN.find(([pattern]) => pattern.test(message))?.[1] ?? message;
    return where ? `${where}: ${plain}` : plain;
  });
  const unique = [...new Set(words)];
  return `${MODELS[header[1]] ?? header[1]} is not valid: ${unique.join('; ')}`;
}
