// Features loaded on first use (issue 21): activation registers one stub per feature command; the first stub that
// runs requires the feature's bundle, lets it register its real commands in the stubs' place, and passes the call on.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Core, FeatureModule, LoadedFeature } from './core';
import { FEATURE_COMMANDS, type FeatureName } from './featureCommands';

/** The feature's bundle, next to dist/extension.js (see bundlePlan in esbuild.options.cjs). */
export const featureFile = (name: FeatureName): string => path.join(__dirname, `feature-${name}.js`);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
const requireFeature = (name: FeatureName): FeatureModule => require(featureFile(name)) as FeatureModule;

export class LazyFeatures implements vscode.Disposable {
  private readonly loaded = new Map<FeatureName, LoadedFeature>();
  private readonly stubs = new Map<FeatureName, vscode.Disposable[]>();

  constructor(
    private readonly core: Omit<Core, 'feature'>,
    private readonly load: (name: FeatureName) => FeatureModule = requireFeature,
  ) {
    for (const name of Object.keys(FEATURE_COMMANDS) as FeatureName[]) {
      const stub = (id: string) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(name, id, args));
      this.stubs.set(name, FEATURE_COMMANDS[name].map(stub));
    }
  }

  /** The feature, loaded now if it is not yet (its commands then replace their stubs). */
  feature(name: FeatureName): LoadedFeature {
    let loaded = this.loaded.get(name);
    if (!loaded) {
      const module = this.load(name); // if this throws, the stubs stay: the next run tries again
      for (const stub of this.stubs.get(name) ?? []) stub.dispose();
      this.stubs.delete(name);
      loaded = module.activate({ ...this.core, feature: (other) => this.feature(other) });
      this.loaded.set(name, loaded);
    }
    return loaded;
  }

  /**
   * Loads the polyaxonfile checks with the first YAML document VS Code opens, or now (one task after activation) if
   * one is open already; until then no polyaxonfile can have a problem to show.
   */
  loadOnYaml(): vscode.Disposable {
    const isYaml = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && /\.ya?ml$/i.test(doc.uri.fsPath);
    const load = () => {
      if (this.isLoaded('polyaxonfiles')) return;
      listener.dispose();
      try {
        this.feature('polyaxonfiles');
      } catch (e) {
        this.core.log.error(`The polyaxonfile checks could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const listener = vscode.workspace.onDidOpenTextDocument((doc) => isYaml(doc) && load());
    const now = setTimeout(() => vscode.workspace.textDocuments.some(isYaml) && load(), 0);
    return {
      dispose: () => {
        clearTimeout(now);
        listener.dispose();
      },
    };
  }

  isLoaded(name: FeatureName): boolean {
    return this.loaded.has(name);
  }

  private run(name: FeatureName, id: string, args: unknown[]): Thenable<unknown> | undefined {
    try {
      this.feature(name);
    } catch (e) {
      const message = `the ${name} commands could not be loaded from ${featureFile(name)} (${e instanceof Error ? e.message : String(e)}). Reinstalling the extension restores the file.`;
      this.core.log.error(`${id}: ${message}`);
      void this.core.prompts.choose(`Polyaxon: ${message}`, [], { severity: 'error' }).then(undefined, () => undefined);
      return undefined;
    }
    return vscode.commands.executeCommand(id, ...args);
  }

  dispose(): void {
    for (const stub of [...this.stubs.values()].flat()) stub.dispose();
    for (const disposable of [...this.loaded.values()].flatMap((f) => f.disposables)) disposable.dispose();
  }
}
