// Which requests carry the Polyaxon token: only those to the configured host's own origin.

/**
 * The gateway checks `Authorization: Token …` on /services/… like on the API. The header goes only to the
 * configured host's origin: the Jupyter extension sends these headers with every request to `url`.
 */
export function gatewayHeaders(host: string, token: string | undefined, url: string): Record<string, string> {
  if (!token) return {};
  return new URL(url).origin === new URL(host).origin ? { Authorization: `Token ${token}` } : {};
}
