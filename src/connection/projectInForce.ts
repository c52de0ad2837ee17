// Which project is in force: Select Project's per-workspace choice wins over the polyaxon.project setting that the
// Settings UI shows, so the pickers say which of the two the current project comes from.

/** `workspace`: picked with Select Project in this workspace; `setting`: the polyaxon.project setting. */
export type ProjectSource = 'workspace' | 'setting';

export function projectInForce(
  chosen: string | undefined,
  setting: string | undefined,
): { project: string; source: ProjectSource } | undefined {
  const picked = chosen?.trim();
  if (picked) return { project: picked, source: 'workspace' };
  const set = setting?.trim();
  return set ? { project: set, source: 'setting' } : undefined;
}

/** "from this workspace's choice" / "from the setting polyaxon.project". */
export function projectSourceText(source: ProjectSource): string {
  return source === 'workspace' ? "from this workspace's choice (Select Project)" : 'from the setting polyaxon.project';
}
