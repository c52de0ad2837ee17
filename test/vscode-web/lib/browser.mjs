// Debian's chromium driven by playwright-core (no Playwright browser download, which is impossible offline).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches chromium with a throw-away profile; close() also deletes it. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyaxon-ui-chromium-'));
  // chromium's temp files, crash reports (~/.config/chromium) and dconf cache go into the profile dir too
  const env = { ...process.env };
  for (const [key, sub] of [
    ['TMPDIR', 'tmp'],
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_CACHE_HOME', 'cache'],
  ]) {
    env[key] = path.join(dir, sub);
    fs.mkdirSync(env[key]);
  }
  const context = await chromium.launchPersistentContext(
    path.join(dir, 'profile'),
    // signals are ours (processes.mjs onInterrupt): Playwright's own handlers would exit before our cleanup
    { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, env, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  return { context, page, close };
}

/**
 * Workbench URL. The optional `payload` loads the extension from source and runs a test module, like
 * test-electron's --extensionDevelopmentPath/--extensionTestsPath (needs the smoke-test driver, see
 * startCodeServer). Paths are paths on the server, written as vscode-remote://<host:port><path>.
 */
export function workbenchUrl(base, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment } = {}) {
  const url = new URL(base);
  const remote = (p) => `vscode-remote://${url.host}${path.resolve(p)}`;
  if (folder) url.searchParams.set('folder', path.resolve(folder));
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

// Workbench chatter that says nothing about the extension under test.
const NOISE = new RegExp(
  [
    '^Canceled',
    'Failed to load resource',
    'open-vsx',
    'gallery',
    'same-origin iframe',
    'can escape its sandboxing',
    'Resolv(ing|ed) connection token',
    'Creating a socket',
    'Service Worker',
    'AgentHost',
    'AccountPolicyGate',
    'grace-time',
    'additional builtin extensions',
    'vsda',
    'Creation of workbench contribution',
    'GL Driver Message',
    // offline there is no GitHub sign-in; the accounts menu times out waiting for it
    "authentication provider 'github'",
  ].join('|'),
);

/**
 * Prints the page console as plain text. In test mode the extension host's console (mocha's reporter) is
 * forwarded into the window log, which logs ('%c INFO', 'color: …', format, ...args); we undo that styling.
 */
export function forwardConsole(page, { verbose = false, print = (line) => console.log(line) } = {}) {
  let enabled = true;
  page.on('console', async (message) => {
    if (!enabled) return;
    const unserializable = Symbol('unserializable');
    let args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => unserializable)));
    if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
    const plain = typeof args[0] === 'string' && args.every((a) => a !== unserializable && (typeof a !== 'object' || a === null));
    const text = plain ? util.format(...args) : message.text().replace(/^%c\s*\w+ color: \S+ /, '');
    if (enabled && text.trim() && (verbose || !NOISE.test(text))) print(text);
  });
  return () => {
    enabled = false;
  };
}
