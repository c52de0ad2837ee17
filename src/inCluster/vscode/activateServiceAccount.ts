// Activate Cloud Service Account: checks the key file and gcloud, then runs gcloud auth activate-service-account in a terminal.
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { activateCommand, findOnPath, parseServiceAccountKey } from '../serviceAccountKey';
import { notify, type CommandDeps } from './devEnvDeps';

export interface ActivateArgs {
  /** Defaults to polyaxon.gcloud.serviceAccount, then the key file's client_email. */
  account: string;
  /** Defaults to $GOOGLE_APPLICATION_CREDENTIALS. */
  keyFile: string;
}

/** Returns the command sent to the terminal, or undefined when something is missing (the user is told what). */
export async function activateServiceAccount(deps: CommandDeps, args: Partial<ActivateArgs> = {}): Promise<string | undefined> {
  const keyFile = args.keyFile ?? deps.env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (!keyFile) {
    notify(
      deps,
      'error',
      "GOOGLE_APPLICATION_CREDENTIALS is not set, so there is no service-account key to activate. Polyaxon sets it when the service's polyaxonfile attaches the GCP service-account secret; ask your cluster admin to attach it.",
    );
    return undefined;
  }
  const source = args.keyFile === undefined ? ` (from $GOOGLE_APPLICATION_CREDENTIALS)` : '';
  let text: string;
  try {
    text = await fs.readFile(keyFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist. Is the service-account secret mounted in this service?'
        : code === 'EACCES'
          ? 'cannot be read (permission denied).'
          : `cannot be read (${(err as Error).message}).`;
    notify(deps, 'error', `The key file ${keyFile}${source} ${why}`);
    return undefined;
  }
  const key = parseServiceAccountKey(text);
  if (!key.ok) {
    notify(deps, 'error', `${keyFile}${source} is not a service-account key: ${key.reason}.`);
    return undefined;
  }
  if (!(await findOnPath('gcloud', deps.env))) {
    notify(
      deps,
      'error',
      "gcloud is not on PATH. The images built from the template's Dockerfiles include the Cloud SDK; add it to your image, or install it and reopen the terminal.",
    );
    return undefined;
  }
  const account = args.account || vscode.workspace.getConfiguration('polyaxon').get<string>('gcloud.serviceAccount') || key.clientEmail;
  const command = activateCommand(account, keyFile, args.keyFile === undefined);
  deps.log.info(`Activating service account ${account} with ${keyFile}`);
  // The variable is passed on so that the command works even if the terminal's environment lacks it.
  deps.terminals.run(command, { name: 'gcloud', env: { GOOGLE_APPLICATION_CREDENTIALS: keyFile } });
  return command;
}
