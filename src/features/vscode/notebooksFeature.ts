// dist/feature-notebooks.js: Use as Notebook Kernel… (the Jupyter server collection itself is the core's, so that the
// kernel picker lists the running services without a command first).
import { registerNotebookCommands } from '../../notebooks/vscode/notebookCommands';
import type { Core, LoadedFeature } from './core';

export function activate({ connections, model, log, prompts }: Core): LoadedFeature {
  return { disposables: registerNotebookCommands({ connections, view: model, log, prompts }) };
}
