import { ForwardError, noGatewayService, portInUse } from './forwardError';
import { listServices, runKubectl, type Kubectl } from './kubectl';
import { gatewayServices, servicePort, type ServiceInfo } from './kubectlOutput';
import { isPortFree } from './tcpPorts';
import type { ForwardTarget } from './supervisor';

/** The seed's guide opens Polyaxon at localhost:8888; the AISG setup installs it in polyaxon-v1. */
export const DEFAULT_LOCAL_PORT = 8888;
export const DEFAULT_NAMESPACE = 'polyaxon-v1';

/** The Polyaxon gateways of a namespace; when there is none, an error that names what was found instead. */
export async function findGateways(kubectl: Kubectl, context: string, namespace: string): Promise<ServiceInfo[]> {
  const services = await listServices(kubectl, context, namespace);
  const gateways = gatewayServices(services);
  if (gateways.length > 0) return gateways;
  if (services.length === 0) {
    // Kubernetes lists an absent namespace as empty; asking for the namespace tells the two apart (users who may
    // not read namespaces get the plainer "no gateway" message).
    await runKubectl(kubectl, ['--context', context, 'get', 'namespace', namespace, '-o', 'name'], { context, namespace }).catch(
      (e: unknown) => {
        if (e instanceof ForwardError && e.kind === 'noNamespace') throw e;
      },
    );
  }
  throw noGatewayService(
    { context, namespace },
    services.map((s) => s.name),
  );
}

export interface ConnectChoice {
  context: string;
  namespace: string;
  service: string;
  localPort: number;
}

/** Checks a choice against the cluster and the machine before anything starts, so a mistake is said at once. */
export async function prepareTarget(kubectl: Kubectl, choice: ConnectChoice): Promise<ForwardTarget> {
  const gateways = await findGateways(kubectl, choice.context, choice.namespace);
  const gateway = gateways.find((g) => g.name === choice.service);
  if (!gateway) {
    throw noGatewayService(
      { context: choice.context, namespace: choice.namespace },
      gateways.map((g) => g.name),
    );
  }
  if (!(await isPortFree(choice.localPort))) throw portInUse(choice.localPort);
  return { ...choice, servicePort: servicePort(gateway) };
}
