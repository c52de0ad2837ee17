// DRF parses request bodies with Python's json module, and its 400 says so in Python's words:
// `{"detail": "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 18 (char 17)"}`
// (recorded-v2 run-create.malformed-json.json). Python's messages are those of Lib/json/decoder.py / scanner.py.

/** V8's JSON.parse message → the message Python's json.loads raises for the same text. */
const PYTHON_WORDS: [RegExp, string][] = [
  [/Expected double-quoted property name/, 'Expecting property name enclosed in double quotes'],
  [/Expected ':' after property name/, "Expecting ':' delimiter"],
  [/Expected ',' or '[}\]]' after/, "Expecting ',' delimiter"],
  [/Unexpected non-whitespace character after JSON/, 'Extra data'],
  [/Unterminated string/, 'Unterminated string starting at'],
];

/** `str(JSONDecodeError)` for `text`, which JSON.parse refused with `error`. */
export function pythonJsonError(text: string, error: Error): string {
  const words = PYTHON_WORDS.find(([v8]) => v8.test(error.message))?.[1] ?? 'Expecting value';
  const at = /at position (\d+)/.exec(error.message);
  const pos = at ? Number(at[1]) : text.length;
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const line = text.slice(0, pos).split('\n').length;
  return `${words}: line ${line} column ${pos - lineStart + 1} (char ${pos})`;
}
