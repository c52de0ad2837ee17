// "Polyaxon: Back to the Local VS Code" (Ctrl+Alt+O inside a service): the keyboard-only way out of a service shown in
// a tab of the local VS Code. A hidden-for-a-moment webview tells the tab's page (see keyboardBackPage.ts).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { keyboardBackPage, parseKeyboardBackAnswer } from '../keyboardBackPage';
import { notify, type DevEnvDeps } from './devEnvDeps';

const ANSWER_TIMEOUT_MS = 10_000;

export async function keyboardBack(deps: DevEnvDeps): Promise<boolean | undefined> {
  // Beside, without the focus: closing it in the active group would focus the next editor there, and a framed page
  // that focuses itself takes the keyboard back from the local VS Code.
  const panel = vscode.window.createWebviewPanel(
    'polyaxon.keyboardBack',
    'Back to the Local VS Code',
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [] },
  );
  try {
    const answer = new Promise<boolean | undefined>((resolve) => {
      panel.webview.onDidReceiveMessage((message: unknown) => resolve(parseKeyboardBackAnswer(message)));
      panel.onDidDispose(() => resolve(undefined));
      setTimeout(() => resolve(undefined), ANSWER_TIMEOUT_MS);
    });
    panel.webview.html = keyboardBackPage(randomBytes(16).toString('base64'));
    const embedded = await answer;
    deps.log.info(`Back to the Local VS Code: ${embedded ? 'told the local tab' : 'not shown inside a local VS Code tab'}.`);
    if (embedded === false) {
      notify(
        deps,
        'info',
        'This VS Code is not shown in a tab of a local VS Code, so there is nothing to go back to: switch windows as usual (Alt+Tab, or your browser’s tabs).',
      );
    }
    return embedded;
  } finally {
    panel.dispose();
  }
}
