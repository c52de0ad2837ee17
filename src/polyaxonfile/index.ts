// Polyaxonfiles: read, check like the Polyaxon CLI, and turn into the body that creates a run. No VS Code API.
export { checkPolyaxonfile, loadServicePolyaxonfile } from './check';
export { findServicePolyaxonfiles, FoundPolyaxonfile, serviceKindOf, ServiceKind } from './discover';
export { launchInputs, LaunchInput } from './launch';
export { buildCreateBody, buildOperation, componentToDict, Operation } from './operation';
export { checkParams, Params } from './params';
export { IO, parsePolyaxonfile, Polyaxonfile } from './parse';
export { formatProblem, PolyaxonfileError, Position, Problem } from './problems';
