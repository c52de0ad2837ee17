// Polyaxonfiles: read, check like the Polyaxon CLI, and turn into the body that creates a run. No VS Code API.
export { loadServicePolyaxonfile } from './check';
export { findServicePolyaxonfiles, serviceKindOf } from './discover';
export { launchInputs, LaunchInput } from './launch';
export { buildCreateBody } from './operation';
export { checkParams } from './params';
export { Polyaxonfile } from './parse';
export { formatProblem, PolyaxonfileError, Problem } from './problems';
