// Screenshot of the demo's main job for the README: a real code-server, launched as a sandbox service, open in a
// VS Code tab. Run it while `npm run demo` is up, with the URL the demo printed:
//   node test/e2e/demo-screenshot.mjs 'http://127.0.0.1:8080/?folder=…'   → media/screenshots/demo-vscode-in-vscode.png
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../vscode-web/lib/browser.mjs';
import { openViewContainer, openWorkbench, screenshot, treeRow } from '../vscode-web/lib/workbench.mjs';
import { shownService } from './polyaxon-ui.mjs';

const url = process.argv[2];
if (!url) {
  console.error('usage: node test/e2e/demo-screenshot.mjs <the URL npm run demo printed>');
  process.exit(2);
}
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../media/screenshots/demo-vscode-in-vscode.png');
const { page, close } = await launchBrowser();
try {
  await openWorkbench(page, url);
  await openViewContainer(page, 'Polyaxon');
  await treeRow(page, 'Running').click(); // a running service opens in its tab
  // The framed page is a whole VS Code workbench, served by the sandbox's gateway from a real code-server.
  await (await shownService(page)).locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
  await page.mouse.move(0, 0);
  await new Promise((r) => setTimeout(r, 3000));
  console.log(await screenshot(page, out));
} finally {
  await close();
}
