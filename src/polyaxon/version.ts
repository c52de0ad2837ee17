// Differences between Polyaxon v1 (AISG's CE 1.11.3) and v2 servers that change what the client sends.
import type { Installation, OperationBody } from './types';

export function isV2(inst: Installation): boolean {
  const major = Number.parseInt(inst.version.trim().replace(/^v/i, ''), 10);
  return Number.isFinite(major) && major >= 2;
}

/**
 * The body `polyaxon run` POSTs. v1: core/polyaxon/client/run.py create() sends `is_managed: true` with content;
 * v2: polyaxon/cli _client/run.py _build_run_create_body() sends `managed_by: "agent"` instead.
 */
export function createRunBody(
  content: string,
  v2: boolean,
  extra?: { name?: string; description?: string; tags?: string[] },
): OperationBody {
  const body: OperationBody = v2 ? { content, managed_by: 'agent' } : { content, is_managed: true };
  if (extra?.name !== undefined) body.name = extra.name;
  if (extra?.description !== undefined) body.description = extra.description;
  if (extra?.tags !== undefined) body.tags = extra.tags;
  return body;
}
