// The packaged extension runs in production mode; another extension that activates it must get nothing with power
// (no client or token, no prompts to swap). test/e2e/api-probe is that other extension: it writes what it got.
import fs from 'node:fs';
import path from 'node:path';

export const otherExtensionsGetNothing = {
  name: 'another extension gets nothing from activate() in production',
  async run(ctx) {
    const file = path.join(ctx.workspace, '.polyaxon-api-probe.json');
    const end = Date.now() + 60000;
    while (!fs.existsSync(file)) {
      if (Date.now() > end) throw new Error(`the probe extension wrote no ${file} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const result = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.rmSync(file);
    if (!result.found || !result.active) throw new Error(`the probe did not activate the Polyaxon extension: ${JSON.stringify(result)}`);
    if (result.probeMode !== 1) throw new Error(`expected production mode (1), the probe ran in mode ${result.probeMode}`);
    if (result.exports.type !== 'undefined') throw new Error(`activate() handed another extension ${JSON.stringify(result.exports)}`);
  },
};
