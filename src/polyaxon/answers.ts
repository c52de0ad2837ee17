// How an HTTP answer, or the lack of one, becomes data or a PolyaxonError with an actionable message.
import { STATUS_CODES } from 'node:http';
import { classifyCertificateError, type CertificateFailure } from './certificate';
import { PolyaxonError, drfMessages, type PolyaxonErrorKind } from './errors';
import { capDetails, safeCause, truncate } from './serverText';

/** What a 404 means on a given path, so the message can say what is missing. */
export type Missing = 'installation' | 'owner' | 'project' | 'run';

export interface RequestInfo {
  host: string;
  method: string;
  /** Path with query string. */
  path: string;
  /** What the user's request was for, e.g. `stop run 0a1b2c3d of default/p`: every message starts with it. */
  action: string;
  missing: Missing;
  /** The names used in a not-found message. */
  ref: { owner: string; project?: string; uuid?: string };
  hasToken: boolean;
}

export interface Answer {
  status: number;
  text: string;
  contentType: string;
  location?: string;
}

/** The largest answer read. The biggest real ones (a page of 100 runs with their specs, a log file) are a few MB. */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

const CHECK_HOST =
  "Check the host: it should be the Polyaxon gateway, e.g. http://localhost:8888 after Connect to Cluster or 'polyaxon port-forward --port=8888'.";
const PORT_FORWARD_HINT = "Is 'polyaxon port-forward' (or 'kubectl port-forward svc/polyaxon-polyaxon-gateway') running?";

/** x509 verification codes from OpenSSL as Node reports them, Node's host name check, and handshake failures. */
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

function fail(
  req: RequestInfo,
  kind: PolyaxonErrorKind,
  message: string,
  extra?: { status?: number; details?: string[]; certificate?: CertificateFailure; cause?: unknown },
): PolyaxonError {
  return new PolyaxonError({
    kind,
    message: `Could not ${req.action}: ${message}`,
    host: req.host,
    method: req.method,
    path: req.path,
    ...extra,
  });
}

/**
 * The parsed JSON of a 2xx answer (undefined when `wantBody` is false: then the body may be empty, but what there is
 * must be JSON), or the error the answer stands for.
 * DRF error bodies are JSON (`{"detail": …}`, `[…]`, field dicts); HTML means something other than the API answered.
 */
export function readAnswer(req: RequestInfo, answer: Answer, wantBody: boolean): unknown {
  const { status, text } = answer;
  const isHtml = text.trim() !== '' && (/html/i.test(answer.contentType) || /^\s*</.test(text));
  const where = `${req.method} ${req.path}`;
  const htmlPage = () =>
    fail(req, 'notPolyaxon', `${req.host} answered ${where} with an HTML page, not the Polyaxon API. ${CHECK_HOST}`, { status });

  if (status >= 200 && status < 300) {
    // A login page in front of the API answers 200 too: the action did not happen, whatever the endpoint.
    if (isHtml) throw htmlPage();
    if (!wantBody && text.trim() === '') return undefined;
    if (text.trim() === '') {
      throw fail(req, 'badResponse', `Polyaxon at ${req.host} sent an empty answer to ${where}. Is the host the Polyaxon gateway?`, {
        status,
      });
    }
    try {
      const data: unknown = JSON.parse(text);
      return wantBody ? data : undefined;
    } catch (e) {
      throw fail(
        req,
        'badResponse',
        `Polyaxon at ${req.host} sent invalid JSON to ${where} (${(e as Error).message}); the answer may have been cut off. Try again.`,
        { status, cause: e },
      );
    }
  }
  if (status >= 300 && status < 400) {
    throw fail(
      req,
      'notPolyaxon',
      `${req.host} redirected ${where} to ${answer.location ? truncate(answer.location) : 'elsewhere'}, so it is not the Polyaxon API (a login page, or http instead of https?). ${CHECK_HOST}`,
      { status },
    );
  }

  const { details, omitted } = capDetails(isHtml ? [] : drfMessages(parseOrText(text)));
  const said = details.length ? `: ${details.join('; ')}${omitted ? `; and ${omitted} more` : ''}` : '.';
  const answered = `Polyaxon at ${req.host} answered ${statusLine(status)} to ${where}`;
  const extra = { status, details };
  if (status === 401 || status === 403) {
    const what = req.hasToken ? 'the server rejected the token' : 'the server requires a token';
    throw fail(
      req,
      status === 401 ? 'unauthorized' : 'forbidden',
      `${answered}: ${what}; set a valid one with Polyaxon: Configure Connection…`,
      extra,
    );
  }
  if (status === 404) throw isHtml ? htmlPage() : notFound(req, extra);
  if (status === 400 || status === 409 || status === 422) {
    throw fail(req, 'validation', `Polyaxon at ${req.host} rejected ${where}${said}`, extra);
  }
  // haupt's error page (handler500) allows only GET, so a POST that fails inside the server comes back as an empty 405.
  if (status === 405 && req.method !== 'GET' && text.trim() === '') {
    const why = `the request failed inside Polyaxon (its error page answers only GET, so a failed ${req.method} shows as an empty 405)`;
    throw fail(req, 'server', `${answered}: ${why}. Check the Polyaxon API pods and their database, then try again.`, extra);
  }
  if (status >= 500) {
    throw fail(req, 'server', `${answered}${said} The API or its gateway is failing: check the Polyaxon pods, then try again.`, extra);
  }
  throw fail(req, 'badResponse', `${answered}${said} Is the host the Polyaxon gateway of a supported version?`, extra);
}

function notFound(req: RequestInfo, extra: { status: number; details: string[] }): PolyaxonError {
  const { owner, project, uuid } = req.ref;
  switch (req.missing) {
    case 'installation':
      return fail(req, 'notPolyaxon', `${req.host} has no ${req.path}, so it is not the Polyaxon API. ${CHECK_HOST}`, extra);
    case 'owner':
      return fail(
        req,
        'notFound',
        `Owner "${owner}" was not found on Polyaxon at ${req.host}. Check the polyaxon.owner setting (Polyaxon CE always uses "default").`,
        extra,
      );
    case 'project':
      return fail(
        req,
        'projectNotFound',
        `Project "${owner}/${project}" does not exist on Polyaxon at ${req.host}. Create it, or pick another, with Polyaxon: Select Project…`,
        extra,
      );
    case 'run':
      return fail(
        req,
        'notFound',
        `Run ${uuid} was not found in "${owner}/${project}" on Polyaxon at ${req.host}; it may have been deleted. Refresh the Services view.`,
        extra,
      );
  }
}

/** A run that v2 answers with `live_state: -1`: deleted, kept only until Polyaxon's cleanup removes it. */
export function deletedFailure(req: RequestInfo): PolyaxonError {
  const { owner, project, uuid } = req.ref;
  return fail(
    req,
    'notFound',
    `Run ${uuid} in "${owner}/${project}" was deleted on Polyaxon at ${req.host} (Polyaxon v2 keeps a deleted run for about a day while it cleans up). Refresh the Services view.`,
    { status: 200 },
  );
}

/** A request that got no HTTP answer: refused, reset, DNS, TLS. */
export function transportFailure(req: RequestInfo, error: unknown): PolyaxonError {
  const code = errorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  const e = safeCause(error);
  const unreachable = (why: string, hint = PORT_FORWARD_HINT) =>
    fail(req, 'unreachable', `Cannot reach Polyaxon at ${req.host} (${why}). ${hint}`, { cause: e });
  const certificate = code ? classifyCertificateError(code, certificateNames(error)) : undefined; // from the unscrubbed error
  if (certificate) {
    return fail(req, 'tls', `Polyaxon at ${req.host} is not trusted: ${certificate.words} (${code}). ${certificate.fix}`, {
      cause: e,
      certificate,
    });
  }
  if (code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) {
    return fail(
      req,
      'tls',
      `The TLS connection to Polyaxon at ${req.host} failed (${code}: ${reason}). Check http vs https in the host: is the server speaking https on that port?`,
      { cause: e },
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return unreachable('connection refused');
    case 'ECONNRESET':
    case 'EPIPE':
      return unreachable('connection reset by the server');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unreachable('host name not found', 'Check the host with Polyaxon: Configure Connection…');
    case 'ECONNABORTED':
    case 'ETIMEDOUT':
      return fail(req, 'timeout', `Polyaxon at ${req.host} gave no answer (${code}). ${PORT_FORWARD_HINT}`, { cause: e });
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'Z_STREAM_ERROR':
      return fail(
        req,
        'badResponse',
        `Polyaxon at ${req.host} sent a corrupt compressed answer to ${req.method} ${req.path} (${reason}). Try again; if it persists, a proxy between you and the gateway may be damaging answers.`,
        { cause: e },
      );
    case 'ERR_BAD_RESPONSE':
      if (/maxContentLength/.test(reason)) {
        return fail(
          req,
          'badResponse',
          `Polyaxon at ${req.host} answered ${req.method} ${req.path} with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, which is refused. Is the host the Polyaxon gateway?`,
          { cause: e },
        );
      }
      return fail(req, 'badResponse', `Polyaxon at ${req.host} cut off its answer to ${req.method} ${req.path} (${reason}). Try again.`, {
        cause: e,
      });
    default:
      return unreachable(code ? `${code}: ${reason}` : reason);
  }
}

export function timeoutFailure(req: RequestInfo, timeoutMs: number, cause: unknown): PolyaxonError {
  return fail(
    req,
    'timeout',
    `Polyaxon at ${req.host} gave no answer within ${seconds(timeoutMs)} (${req.method} ${req.path}). Is the port-forward still running? The limit is the polyaxon.requestTimeoutSeconds setting.`,
    { cause: safeCause(cause) },
  );
}

export function cancelledFailure(req: RequestInfo): PolyaxonError {
  return fail(req, 'cancelled', `The request ${req.method} ${req.path} to Polyaxon at ${req.host} was cancelled.`);
}

/** A JSON answer without what the endpoint always returns; for installation that means another service answered. */
export function shapeFailure(req: RequestInfo, wrong?: string): PolyaxonError {
  if (req.missing === 'installation') {
    return fail(req, 'notPolyaxon', `${req.host} answered ${req.path} without a version, so it is not the Polyaxon API. ${CHECK_HOST}`);
  }
  return fail(
    req,
    'badResponse',
    `Polyaxon at ${req.host} answered ${req.method} ${req.path} with JSON of an unexpected shape${wrong ? ` (${wrong})` : ''}. Is the host the Polyaxon gateway of a supported version?`,
  );
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.trim();
  }
}

/** The subjectAltName of the peer certificate that Node's host name check attaches to its error. */
function certificateNames(e: unknown): string | undefined {
  const err = e as { cert?: { subjectaltname?: unknown }; cause?: { cert?: { subjectaltname?: unknown } } } | undefined;
  const names = err?.cert?.subjectaltname ?? err?.cause?.cert?.subjectaltname;
  return typeof names === 'string' && names ? names : undefined;
}

/** The OS / OpenSSL code, which axios copies from the underlying error (or keeps in `cause`). */
function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = err?.code ?? err?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function statusLine(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
