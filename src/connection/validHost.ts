// A mistyped host (htp://, ftp://, http:// with nothing after it) is a setting to fix, not a network failure.
import { normaliseHostInput } from './hostPolicy';
import type { EffectiveHostSource } from './forwardedHost';

const SOURCE_TEXT: Record<EffectiveHostSource, string> = {
  setting: 'the polyaxon.host setting',
  env: 'the POLYAXON_HOST environment variable',
  cliConfig: "the Polyaxon CLI's config (~/.polyaxon/.client)",
  default: 'the default host',
  portForward: 'the port-forward of Polyaxon: Connect to Cluster…',
};

export class InvalidHostError extends Error {
  constructor(
    message: string,
    readonly source: EffectiveHostSource,
  ) {
    super(message);
    this.name = 'InvalidHostError';
  }
}

/** The host as the client uses it; or an InvalidHostError that says what is wrong, where the value comes from, and what to do. */
export function validHost(resolved: { host: string; source: EffectiveHostSource }): string {
  try {
    return normaliseHostInput(resolved.host);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new InvalidHostError(
      `${reason} It comes from ${SOURCE_TEXT[resolved.source]}: fix it with Polyaxon: Configure Connection….`,
      resolved.source,
    );
  }
}
