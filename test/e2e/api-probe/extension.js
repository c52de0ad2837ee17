// Plays "any other extension": activates the Polyaxon extension and writes what it got into the workspace folder,
// where the UI test (test/e2e/api-probe.steps.mjs) reads it.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const POLYAXON = 'polyaxon-dev-environments.polyaxon-dev-environments';

function describe(value) {
  if (value === undefined || value === null) return { type: String(value) };
  if (typeof value !== 'object' && typeof value !== 'function') return { type: typeof value };
  const keys = [];
  for (let o = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) keys.push(...Object.getOwnPropertyNames(o));
  return { type: typeof value, keys: [...new Set(keys)].filter((k) => k !== 'constructor').sort() };
}

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  const out = path.join(folder, '.polyaxon-api-probe.json');
  const ext = vscode.extensions.getExtension(POLYAXON);
  let result;
  try {
    const exported = ext ? await ext.activate() : undefined;
    result = { found: Boolean(ext), active: ext?.isActive ?? false, probeMode: context.extensionMode, exports: describe(exported) };
  } catch (e) {
    result = { found: Boolean(ext), error: String(e) };
  }
  // Written whole, then renamed: the UI step reads the file as soon as it exists, never half-written.
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${out}.tmp`, out);
}

module.exports = { activate };
