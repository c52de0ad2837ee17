// DRF LimitOffsetPagination as configured by PolyaxonPagination (platform/polycommon/polycommon/apis/paginator.py):
// default limit 20, max 100, absolute next/previous links from the request's Host, `no_page` for everything.
import type { Page } from '../../src/polyaxon/types';

export interface PageRequest {
  /** Absolute URL of the request, e.g. http://127.0.0.1:8117/api/v1/default/p/runs?limit=1 */
  url: URL;
  defaultLimit?: number;
  /** PolyaxonPagination caps `limit` at 100; v2's runs list has no cap (recorded-v2/README.md 26). */
  maxLimit?: number;
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** Python's urlencode (quote_plus), which DRF's replace_query_param uses; keys come out sorted. */
function encodeQuery(params: URLSearchParams): string {
  const quote = (s: string) =>
    encodeURIComponent(s)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${quote(k)}=${quote(v)}`)
    .join('&');
}

function link(url: URL, set: Record<string, number | undefined>): string {
  const params = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) params.delete(k);
    else params.set(k, String(v));
  }
  const query = encodeQuery(params);
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

export function paginate<T>(items: T[], { url, defaultLimit = 20, maxLimit = 100 }: PageRequest): Page<T> {
  const q = url.searchParams;
  if (['true', '1', 'yes'].includes((q.get('no_page') ?? '').toLowerCase())) {
    return { count: null, next: null, previous: null, results: items };
  }
  const limit = Math.min(positiveInt(q.get('limit')) || defaultLimit, maxLimit);
  const offset = positiveInt(q.get('offset')) ?? 0;
  const count = items.length;
  const next = offset + limit < count ? link(url, { limit, offset: offset + limit }) : null;
  let previous: string | null = null;
  if (offset > 0) previous = offset - limit <= 0 ? link(url, { limit, offset: undefined }) : link(url, { limit, offset: offset - limit });
  return { count, next, previous, results: items.slice(offset, offset + limit) };
}
