// Runner for the in-cluster suite: the same extension host, started with the variables a Polyaxon service sets
// (POLYAXON_RUN_INSTANCE, POLYAXON_IS_MANAGED, GOOGLE_APPLICATION_CREDENTIALS), e.g.
//   node test/vscode-web/run-integration.mjs --tests out/test/integration-incluster/index.js \
//     --env '{"POLYAXON_RUN_INSTANCE":"default.my-project-alice.runs.0a1b2c3d4e5f60718293a4b5c6d7e8f9","POLYAXON_IS_MANAGED":"true","GOOGLE_APPLICATION_CREDENTIALS":"/nonexistent/polyaxon-test/key.json"}'
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
