// dist/feature-connection.js: Configure Connection…, Select Project…, Test Connection, Sign Out, Show Extension Log.
import { registerConnectionCommands } from '../../connection/vscode/connectionCommands';
import type { Core, LoadedFeature } from './core';

export function activate({ connections, log, prompts }: Core): LoadedFeature {
  return { disposables: registerConnectionCommands({ connections, log, prompts }) };
}
