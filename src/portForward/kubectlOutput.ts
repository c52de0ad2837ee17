// Parsing of what kubectl prints. Services come as JSON (`get svc -o json`, a v1 List), contexts as one name per
// line (`config get-contexts -o name`), and a forward announces itself with `Forwarding from 127.0.0.1:8888 -> 80`.

export interface ServiceInfo {
  name: string;
  /** The service's ports; the gateway's is 80 in the Polyaxon chart, but the list says so. */
  ports: { name?: string; port: number }[];
}

/** Polyaxon's Helm chart names the gateway `<release>-polyaxon-gateway` (see API.md: `polyaxon port-forward`). */
const GATEWAY_SUFFIX = '-polyaxon-gateway';

interface ServiceItem {
  metadata?: { name?: unknown };
  spec?: { ports?: { name?: unknown; port?: unknown }[] };
}

export function parseServiceList(json: string): ServiceInfo[] {
  const list = JSON.parse(json) as { kind?: unknown; items?: ServiceItem[] };
  if (!Array.isArray(list.items)) throw new Error(`kubectl printed no list of services (kind ${String(list.kind)})`);
  return list.items.flatMap((item) => {
    const name = item.metadata?.name;
    if (typeof name !== 'string') return [];
    const ports = (item.spec?.ports ?? []).flatMap((p) =>
      typeof p.port === 'number' ? [{ name: typeof p.name === 'string' ? p.name : undefined, port: p.port }] : [],
    );
    return [{ name, ports }];
  });
}

export function gatewayServices(services: readonly ServiceInfo[]): ServiceInfo[] {
  return services.filter((s) => s.name.endsWith(GATEWAY_SUFFIX));
}

/** The port to forward to: the one named http, else the first; 80 when the list names none. */
export function servicePort(service: ServiceInfo): number {
  return (service.ports.find((p) => p.name === 'http') ?? service.ports[0])?.port ?? 80;
}

export function parseContextNames(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The local port (1–65535) of a `Forwarding from 127.0.0.1:8888 -> 80` (or `[::1]:8888`) line, else undefined. */
export function forwardingPort(line: string): number | undefined {
  const m = /^Forwarding from (?:\[[^\]]+\]|[\d.]+):(\d{1,5}) -> \d+/.exec(line.trim());
  const port = m ? Number(m[1]) : 0;
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** kubectl prints this for every connection it carries: worth a trace line, not an info line. */
export function isConnectionChatter(line: string): boolean {
  return /^Handling connection for \d+/.test(line.trim());
}
