import * as vscode from 'vscode';
import { isSameOriginPathProxy, spelledPastPortMapping } from '../browserUrl';

/**
 * The URL of a Polyaxon page as the user's browser reaches it. Where the extension host is remote, a localhost
 * port-forward there is not the browser's localhost, so the URL goes through `asExternalUri`, unless that would
 * serve the page from the IDE's own origin (see isSameOriginPathProxy).
 */
export async function browserUrl(url: string): Promise<string> {
  const mapped = (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString(true);
  return isSameOriginPathProxy(url, mapped) ? url : mapped;
}

/**
 * Opens a Polyaxon page (its URL as the extension host sees it) in the user's browser, never on the IDE's own origin.
 * Where asExternalUri keeps the origin (desktop VS Code, a remote tunnel), openExternal gets what it made; where it
 * would be code-server's path proxy, the direct URL, spelled so that openExternal does not map it there anyway.
 */
export async function openInUserBrowser(url: string): Promise<string> {
  const mapped = (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString(true);
  const target = isSameOriginPathProxy(url, mapped) ? spelledPastPortMapping(url) : mapped;
  await vscode.env.openExternal(vscode.Uri.parse(target));
  return target;
}
