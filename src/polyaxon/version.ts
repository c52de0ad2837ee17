// Differences between Polyaxon v1 (AISG's CE 1.11.3) and v2 servers that change what the client sends.
import type { Installation } from './types';

export function isV2(inst: Installation): boolean {
  const major = Number.parseInt(inst.version.trim().replace(/^v/i, ''), 10);
  return Number.isFinite(major) && major >= 2;
}
