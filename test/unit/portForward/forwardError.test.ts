// Server-side failures need a cluster, so their texts are kubectl 1.32's, copied from real runs.
import * as assert from 'assert';
import { classifyKubectlFailure } from '../../../src/portForward/forwardError';
import { forwardingPort, gatewayServices, parseServiceList, servicePort } from '../../../src/portForward/kubectlOutput';

const scope = { context: 'gke_aisg', namespace: 'polyaxon-v1', service: 'polyaxon-polyaxon-gateway', localPort: 8888 };

describe('kubectl failures in words', () => {
  const cases: [string, string, RegExp][] = [
    [
      'forbidden',
      'Error from server (Forbidden): services is forbidden: User "alice@example.com" cannot list resource "services" in API group "" in the namespace "polyaxon-v1"',
      /RBAC.*kubectl said: Error from server \(Forbidden\): services is forbidden: User "alice@example.com" cannot list/,
    ],
    [
      'noNamespace',
      'Error from server (NotFound): namespaces "polyaxon-v2" not found',
      /namespace "polyaxon-v1" does not exist in context "gke_aisg"/,
    ],
    [
      'noService',
      'Error from server (NotFound): services "polyaxon-polyaxon-gateway" not found',
      /service "polyaxon-polyaxon-gateway" does not exist/,
    ],
    [
      'portInUse',
      'Unable to listen on port 8888: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8888: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8888: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8888 80}]',
      /Local port 8888 is taken by another process/,
    ],
    [
      'authPlugin',
      'Unable to connect to the server: getting credentials: exec: executable gke-gcloud-auth-plugin not found',
      /gcloud components install gke-gcloud-auth-plugin/,
    ],
    [
      'lostConnection',
      'E1130 10:15:01.123456   4242 portforward.go:413] "Unhandled Error" err="an error occurred forwarding 8888 -> 80: error forwarding port 80 to pod 3f2a, uid : network namespace for sandbox \\"9c1e\\" is closed"\nerror: lost connection to pod',
      /lost the connection to the gateway pod.*error: lost connection to pod/,
    ],
    [
      'clusterUnreachable',
      'Unable to connect to the server: dial tcp 34.87.1.2:443: i/o timeout',
      /not reachable. Check the network or VPN/,
    ],
    ['unknown', 'error: something new', /kubectl failed: error: something new/],
  ];
  for (const [kind, stderr, message] of cases) {
    it(kind, () => {
      const error = classifyKubectlFailure(stderr, scope);
      assert.strictEqual(error.kind, kind);
      assert.match(error.message, message);
    });
  }
});

describe('kubectl output', () => {
  it('reads services and their ports from a v1 List, and picks the gateways', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'polyaxon-polyaxon-api', namespace: 'polyaxon-v1' },
          spec: { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }] },
        },
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'plx-polyaxon-gateway', namespace: 'polyaxon-v1' },
          spec: {
            ports: [
              { name: 'metrics', port: 9090 },
              { name: 'http', port: 8000 },
            ],
          },
        },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'polyaxon-polyaxon-gateway-metrics' }, spec: {} },
      ],
    };
    const services = parseServiceList(JSON.stringify(list));
    assert.deepStrictEqual(
      services.map((s) => s.name),
      ['polyaxon-polyaxon-api', 'plx-polyaxon-gateway', 'polyaxon-polyaxon-gateway-metrics'],
    );
    const gateways = gatewayServices(services);
    assert.deepStrictEqual(
      gateways.map((s) => s.name),
      ['plx-polyaxon-gateway'],
    );
    assert.strictEqual(servicePort(gateways[0]), 8000);
    assert.strictEqual(servicePort({ name: 'x-polyaxon-gateway', ports: [] }), 80);
  });

  it('refuses output that is no list', () => {
    assert.throws(() => parseServiceList('{"kind":"Status"}'), /no list of services \(kind Status\)/);
  });

  it('finds the local port in kubectl’s Forwarding lines', () => {
    assert.strictEqual(forwardingPort('Forwarding from 127.0.0.1:8888 -> 80'), 8888);
    assert.strictEqual(forwardingPort('Forwarding from [::1]:8117 -> 80'), 8117);
    assert.strictEqual(forwardingPort('Handling connection for 8888'), undefined);
  });

  it('takes no port outside 1–65535 from a Forwarding line', () => {
    for (const port of ['0', '99999', '65536', '000000000008888', '-1']) {
      assert.strictEqual(forwardingPort(`Forwarding from 127.0.0.1:${port} -> 80`), undefined, port);
    }
    assert.strictEqual(forwardingPort('Forwarding from 127.0.0.1:65535 -> 80'), 65535);
    assert.strictEqual(forwardingPort('Forwarding from 127.0.0.1:1 -> 80'), 1);
  });
});
