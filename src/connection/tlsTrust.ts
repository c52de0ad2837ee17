// On a certificate error, say what is wrong and offer the two ways out that Coder and JupyterHub offer: trust the
// host's certificate authority, or allow insecure connections. Then try once more. No VS Code API: ports are injected.
import { isPolyaxonError } from '../polyaxon/errors';
import type { Prompts } from '../shared/prompts';

export const TRUST_CERTIFICATE = 'Trust This Host’s Certificate…';
export const allowInsecureTo = (host: string) => `Allow Insecure Connections to ${host}`;

export interface TlsTrustPorts {
  prompts: Pick<Prompts, 'choose'>;
  /** A PEM file chosen by the person, or undefined when they cancel. */
  pickCaFile(host: string): Promise<string | undefined>;
  /** polyaxon.tls.caFile and polyaxon.tls.insecure, both application-scoped. */
  setCaFile(file: string): Promise<void>;
  allowInsecure(): Promise<void>;
}

/** Runs `attempt`; after a certificate error and a fix the person chose, runs it once more. Other errors pass through. */
export async function withTlsTrust<T>(ports: TlsTrustPorts, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isPolyaxonError(error, 'tls') || !error.certificate) throw error;
    const { problem, words, fix } = error.certificate;
    // A CA only helps when the certificate is not vouched for; an expired or misnamed one stays wrong.
    const insecure = allowInsecureTo(error.host);
    const actions = problem === 'selfSigned' || problem === 'unknownCa' ? [TRUST_CERTIFICATE, insecure] : [insecure];
    const chosen = await ports.prompts.choose(`Polyaxon at ${error.host} is not trusted: ${words}.`, actions, {
      modal: true,
      severity: 'warning',
      detail: `${fix}\n\nAllowing insecure connections turns off certificate checks for the Polyaxon host, so only do it for a test cluster.`,
    });
    if (chosen === TRUST_CERTIFICATE) {
      const file = await ports.pickCaFile(error.host);
      if (!file) throw error;
      await ports.setCaFile(file);
    } else if (chosen === insecure) {
      await ports.allowInsecure();
    } else {
      throw error;
    }
    return attempt();
  }
}
