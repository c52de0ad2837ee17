// What is wrong with a server's TLS certificate, in words, from the OpenSSL / Node code of the failed handshake.
// Coder and JupyterHub name the problem the same way before offering to trust or skip the certificate.

export type CertificateProblem = 'selfSigned' | 'unknownCa' | 'expired' | 'notYetValid' | 'hostname';

export interface CertificateFailure {
  problem: CertificateProblem;
  /** The problem as a clause, e.g. "its certificate has expired". */
  words: string;
  /** What the person can do about it. */
  fix: string;
}

const TRUST_OR_SKIP =
  'Trust the certificate authority that signed it (polyaxon.tls.caFile), or, for a test cluster, allow insecure connections (polyaxon.tls.insecure); Polyaxon: Test Connection offers both.';

const BY_CODE: Readonly<Record<string, Omit<CertificateFailure, 'fix'> & { fix?: string }>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: { problem: 'selfSigned', words: 'its certificate is self-signed, so nothing vouches for it' },
  SELF_SIGNED_CERT_IN_CHAIN: {
    problem: 'unknownCa',
    words: 'its certificate is signed by a private certificate authority that this computer does not trust',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    problem: 'unknownCa',
    words: 'its certificate is signed by a certificate authority that this computer does not know',
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    problem: 'unknownCa',
    words: 'its certificate is signed by a certificate authority that this computer does not know',
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    problem: 'unknownCa',
    words: 'its certificate is signed by a certificate authority that this computer does not know',
  },
  CERT_UNTRUSTED: { problem: 'unknownCa', words: 'its certificate authority is not trusted for server certificates' },
  CERT_HAS_EXPIRED: {
    problem: 'expired',
    words: 'its certificate has expired',
    fix: 'Ask the cluster admins to renew it; until then only polyaxon.tls.insecure lets you connect.',
  },
  CERT_NOT_YET_VALID: {
    problem: 'notYetValid',
    words: 'its certificate is not valid yet',
    fix: "Check this computer's date and time; if they are right, the certificate was issued with a wrong start date.",
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    problem: 'hostname',
    words: 'its certificate was issued for another host name',
    fix: 'Use the host name the certificate names in polyaxon.host, or ask the cluster admins for a certificate that names this one.',
  },
};

/**
 * The certificate problem behind `code`, or undefined for handshake failures that are not about the certificate.
 * `names` is the certificate's subjectAltName (e.g. "DNS:polyaxon.example"), quoted for a host name mismatch.
 */
export function classifyCertificateError(code: string, names?: string): CertificateFailure | undefined {
  const known = BY_CODE[code];
  if (!known) return undefined;
  const words = known.problem === 'hostname' && names ? `${known.words} (it names ${names})` : known.words;
  return { problem: known.problem, words, fix: known.fix ?? TRUST_OR_SKIP };
}
