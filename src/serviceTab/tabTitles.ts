// The titles of the open service tabs: the run's name, told apart from another open tab of the same name by its
// project, then its host, then its uuid (two hosts or two projects both have a `vscode-root-1`).

export interface NamedTab {
  key: string;
  name: string;
  project: string;
  /** The host the tab's service is on. */
  host: string | undefined;
  uuid: string;
}

/** Each tab's title, by key: the name alone unless another open tab has the same name. */
export function tabTitles(tabs: readonly NamedTab[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const tab of tabs) {
    const twins = tabs.filter((o) => o !== tab && o.name === tab.name);
    const sameProject = twins.filter((o) => o.project === tab.project);
    const sameHost = sameProject.filter((o) => o.host === tab.host);
    const parts = [tab.name];
    if (twins.length > sameProject.length) parts.push(tab.project);
    if (sameProject.length > sameHost.length) parts.push(hostLabel(tab.host));
    if (sameHost.length > 0) parts.push(tab.uuid.slice(0, 8));
    titles.set(tab.key, parts.join(' · '));
  }
  return titles;
}

/** `localhost:8117` for `http://localhost:8117`. */
function hostLabel(host: string | undefined): string {
  if (!host) return 'unknown host';
  try {
    return new URL(host).host;
  } catch {
    return host;
  }
}
