/** Quotes one word for a POSIX shell; plain words stay readable in the terminal. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
