import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { shellQuote } from './shell';

export type KeyCheck = { ok: true; clientEmail: string; projectId?: string } | { ok: false; reason: string };

/** Checks that `text` is a Google service-account key file (what `gcloud auth activate-service-account` accepts). */
export function parseServiceAccountKey(text: string): KeyCheck {
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON (a service-account key file is the JSON downloaded from IAM › Service accounts › Keys)' };
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return { ok: false, reason: 'it is not a JSON object' };
  const { type, client_email: clientEmail, project_id: projectId } = key as Record<string, unknown>;
  if (type !== 'service_account') {
    return {
      ok: false,
      reason: `its "type" is ${JSON.stringify(type ?? null)}, not "service_account" (user credentials cannot be activated this way)`,
    };
  }
  if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) return { ok: false, reason: 'it has no "client_email"' };
  return { ok: true, clientEmail, projectId: typeof projectId === 'string' && projectId !== '' ? projectId : undefined };
}

/** Finds an executable on `PATH` the way a shell would, without running anything. */
export async function findOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      await fs.access(candidate, constants.X_OK);
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** The guide's command; the key file stays a variable when it comes from the environment, as in the guide. */
export function activateCommand(account: string, keyFile: string, keyFileFromEnv: boolean): string {
  const keyArg = keyFileFromEnv ? '"$GOOGLE_APPLICATION_CREDENTIALS"' : shellQuote(keyFile);
  return `gcloud auth activate-service-account ${shellQuote(account)} --key-file=${keyArg}`;
}
