// The UI test, step by step, in order; test/vscode-web/run-ui.mjs runs them against one VS Code + fake Polyaxon
// (seed demo, project my-project-alice). A step is { name, screenshot?, run(ctx) }:
//   run        throws to fail; the runner screenshots the page after it (test-results/ui/NN-name.png)
//   screenshot file name for media/screenshots/ when run with --update-screenshots (of the page after the step: a
//              step that takes its picture midway, with ctx.screenshot, leaves it out, or the end would overwrite it)
//   ctx        { page, project, fakeUrl, codeServerUrl, workspace, api(path, init), updateSettings(patch), freePort() }
//              (see run-ui.mjs); a step may store what later steps need on ctx.
// Steps share one window, so each leaves it usable for the next (restore settings, close dialogs).
import { otherExtensionsGetNothing } from './api-probe.steps.mjs';
import { deleteAfterConfirming, launchThroughWizard, statusBarFollows, stopAfterConfirming, webviewShowsService } from './launch.steps.mjs';
import { jupyterTabShowsJupyter } from './notebooks.steps.mjs';
import { servicesView } from './services-view.steps.mjs';
import { backToVSCode, frameWaitsForClick, openInBrowserDirect } from './serviceTab.steps.mjs';
import { retryReconnects, unreachableWelcome } from './unreachable.steps.mjs';
import { tickKeepsTheForm, walkthroughOpens } from './walkthrough.steps.mjs';
import { polyaxonfileStepAsks, typedImageIsOffered } from './wizard.steps.mjs';
import { workbenchLoads } from './workbench.steps.mjs';

export const steps = [
  workbenchLoads, // must stay first: it opens the window
  otherExtensionsGetNothing,
  servicesView,
  launchThroughWizard,
  typedImageIsOffered,
  polyaxonfileStepAsks,
  statusBarFollows,
  webviewShowsService,
  stopAfterConfirming,
  deleteAfterConfirming,
  unreachableWelcome,
  retryReconnects,
  walkthroughOpens,
  tickKeepsTheForm,
  jupyterTabShowsJupyter,
  openInBrowserDirect,
  frameWaitsForClick,
  backToVSCode,
];
