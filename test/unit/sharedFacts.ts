import * as path from 'path';

/**
 * The team's reference material (`../shared/polyaxon` beside the repository: recordings of a real Polyaxon CE
 * 1.11.3, its swagger, the AISG files). A user's clone has none of it; tests that read it skip, saying so.
 */
export const SHARED_POLYAXON = path.resolve(__dirname, '../../../../shared/polyaxon');
