import * as vscode from 'vscode';
import { isSameOriginPathProxy } from '../services/browserUrl';

/**
 * The URL of a Polyaxon page as the user's browser reaches it. Where the extension host is remote, a localhost
 * port-forward there is not the browser's localhost, so the URL goes through `asExternalUri`, unless that would
 * serve the page from the IDE's own origin (see isSameOriginPathProxy).
 */
export async function browserUrl(url: string): Promise<string> {
  const mapped = (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString(true);
  return isSameOriginPathProxy(url, mapped) ? url : mapped;
}
