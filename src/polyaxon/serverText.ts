// Text a server sends ends up in notifications and logs; a 1 MB error body must not become a 1 MB notification.

const MAX_DETAILS = 10;
const MAX_DETAIL_CHARS = 300;

/** `text` cut to `max` characters, with an ellipsis where it was cut. */
export function truncate(text: string, max = MAX_DETAIL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** At most MAX_DETAILS messages, each at most MAX_DETAIL_CHARS, plus how many were left out. */
export function capDetails(details: readonly string[]): { details: string[]; omitted: number } {
  return {
    details: details.slice(0, MAX_DETAILS).map((d) => truncate(d)),
    omitted: Math.max(0, details.length - MAX_DETAILS),
  };
}

/**
 * An error of a transport library as a cause that holds nothing but its name, message and code: axios keeps the
 * request config (with the Authorization header) and the socket on its errors, and `cause` is printed by util.inspect.
 */
export function safeCause(e: unknown): Error {
  const source = e instanceof Error ? e : new Error(String(e));
  const copy = new Error(source.message);
  copy.name = source.name;
  const code = (source as { code?: unknown }).code ?? (source as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}

/** A value of a server's answer as text: objects as JSON (not "[object Object]"), null and undefined as ''. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
