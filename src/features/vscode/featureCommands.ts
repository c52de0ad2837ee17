// The features loaded on first use, and the commands of each (shared/commandIds.ts groups every id by feature).
// Activation registers a stub for each of these commands; the first one that runs loads the feature's file
// (dist/feature-<name>.js, bundled from <name>Feature.ts), which registers the real commands in the stubs' place
// (a unit test loads each feature and compares).
import { COMMANDS_BY_FEATURE } from '../../shared/commandIds';

const { core: _core, ...features } = COMMANDS_BY_FEATURE;

export const FEATURE_COMMANDS = features;

export type FeatureName = keyof typeof FEATURE_COMMANDS;
