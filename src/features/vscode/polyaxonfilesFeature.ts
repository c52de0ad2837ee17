// dist/feature-polyaxonfiles.js: the problems of open polyaxonfiles in the Problems panel. Loaded by the first YAML
// document that VS Code opens (see LazyFeatures.loadOnYaml), not by a command.
import { PolyaxonfileDiagnostics } from '../../launch/vscode/polyaxonfileDiagnostics';
import type { Core, LoadedFeature } from './core';

export function activate({ log }: Core): LoadedFeature {
  return { disposables: [new PolyaxonfileDiagnostics(log)] };
}
