// /api/v1/{owner}/projects/… and /api/v1/{owner}/{project}: CE looks projects up by name only, the owner
// segment is ignored (project-get.other-owner-segment.json).
import { paginate } from './paging';
import { json, list, notFound, type Reply } from './reply';
import { projectCreated, projectDetail, projectListItem } from './serializers';
import type { Store } from './store';

const SLUG = /^[-a-zA-Z0-9_]+$/;

export function listProjects(store: Store, url: URL): Reply {
  const projects = [...store.projects.values()].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  return list(
    paginate(
      projects.map((p) => projectListItem(p, store.v2)),
      { url },
    ),
  );
}

/** `projects/names`: same query params, `{name}` items, default limit 100 (API.md §1). */
export function projectNames(store: Store, url: URL): Reply {
  const names = [...store.projects.values()]
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
    .map((p) => ({ name: p.name }));
  return list(paginate(names, { url, defaultLimit: 100 }));
}

export function createProject(store: Store, body: unknown): Reply {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as { name?: unknown; description?: unknown };
  if (typeof fields.name !== 'string' || !fields.name) return json(400, { name: ['This field is required.'] });
  if (!SLUG.test(fields.name)) {
    return json(400, { name: ['Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.'] });
  }
  // Django's unique validator message (project-create.duplicate.json).
  if (store.projects.has(fields.name)) return json(400, { name: ['project with this name already exists.'] });
  const project = store.addProject(fields.name, typeof fields.description === 'string' ? fields.description : null);
  return json(201, projectCreated(project));
}

export function getProject(store: Store, name: string): Reply {
  const project = store.projects.get(name);
  return project ? json(200, projectDetail(project, store.v2)) : notFound();
}
