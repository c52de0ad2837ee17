// Typed failures of the Polyaxon client. Each kind maps to one thing the user can do about it,
// so the UI can branch on `kind` and show `message` as is.
import { pydanticInWords } from './pydanticText';
import { textOf } from './serverText';
import type { CertificateFailure } from './certificate';

export type PolyaxonErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'projectNotFound'
  | 'validation'
  | 'server'
  | 'notPolyaxon'
  | 'badResponse';

export interface PolyaxonErrorInit {
  kind: PolyaxonErrorKind;
  message: string;
  host: string;
  method: string;
  /** Path including the query string; never holds the token. */
  path: string;
  status?: number;
  details?: string[];
  /** For kind `tls`: what is wrong with the server's certificate, when that is the cause. */
  certificate?: CertificateFailure;
  cause?: unknown;
}

export class PolyaxonError extends Error {
  readonly kind: PolyaxonErrorKind;
  readonly status?: number;
  readonly host: string;
  readonly method: string;
  readonly path: string;
  /** Individual server messages, e.g. DRF validation errors. */
  readonly details: string[];
  readonly certificate?: CertificateFailure;

  constructor(init: PolyaxonErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PolyaxonError';
    this.kind = init.kind;
    this.status = init.status;
    this.host = init.host;
    this.method = init.method;
    this.path = init.path;
    this.details = init.details ?? [];
    this.certificate = init.certificate;
  }
}

export function isPolyaxonError(e: unknown, kind?: PolyaxonErrorKind): e is PolyaxonError {
  return e instanceof PolyaxonError && (kind === undefined || e.kind === kind);
}

/**
 * Flattens every DRF error body shape into messages (a v2 pydantic text put in words): `["msg"]` (ValidationError raised in views and the
 * spec reader), `{"field": ["msg"]}` (serializer fields), `{"non_field_errors": [...]}`, `{"detail": "..."}`.
 */
export function drfMessages(body: unknown): string[] {
  if (body === null || body === undefined || body === '') return [];
  if (typeof body === 'string') return [pydanticInWords(body)];
  if (Array.isArray(body)) return body.flatMap((item) => drfMessages(item));
  if (typeof body === 'object') {
    return Object.entries(body as Record<string, unknown>).flatMap(([key, value]) => {
      const messages = drfMessages(value);
      if (key === 'detail' || key === 'non_field_errors') return messages;
      return messages.map((m) => `${key}: ${m}`);
    });
  }
  return [textOf(body)];
}
