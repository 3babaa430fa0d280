import type { ConfigMap, DaemonSet, Deployment, KubeObject, Namespace, Pod, Service, ServiceAccount, EndpointSlice } from "../api/types";

/**
 * What `kubeadm init` leaves in the API before anything else happens: the namespaces, the
 * kube-proxy DaemonSet, the CoreDNS Deployment and its Service, and their ConfigMaps. The
 * simulated components then bring them up exactly as on a real cluster.
 */
export const KUBE_PROXY_IMAGE = "registry.k8s.io/kube-proxy:v1.34.1";
export const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.12.1";
export const PAUSE_IMAGE = "registry.k8s.io/pause:3.10.1";

function ns(name: string): Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name } } };
}

export const NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"].map(ns);

export function kubernetesService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
  };
}

export function kubeDnsService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kube-dns",
      namespace: "kube-system",
      labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.10",
      selector: { "k8s-app": "kube-dns" },
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
    },
  };
}

const CRITICAL_TOLERATIONS = [
  { key: "CriticalAddonsOnly", operator: "Exists" as const },
  { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const },
];

export function corednsDeployment(): Deployment {
  const labels = { "k8s-app": "kube-dns" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: "25%" } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: "coredns",
          tolerations: CRITICAL_TOLERATIONS,
          nodeSelector: { "kubernetes.io/os": "linux" },
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns"] }] }, topologyKey: "kubernetes.io/hostname" } },
              ],
            },
          },
          containers: [
            {
              name: "coredns",
              image: COREDNS_IMAGE,
              args: ["-conf", "/etc/coredns/Corefile"],
              ports: [
                { containerPort: 53, name: "dns", protocol: "UDP" },
                { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                { containerPort: 9153, name: "metrics", protocol: "TCP" },
              ],
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
              readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" }, periodSeconds: 10, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 5 },
            },
          ],
          dnsPolicy: "Default",
        },
      },
    },
  };
}

export function kubeProxyDaemonSet(): DaemonSet {
  const labels = { "k8s-app": "kube-proxy" };
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system", labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          serviceAccountName: "kube-proxy",
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [{ operator: "Exists" }],
          containers: [{ name: "kube-proxy", image: KUBE_PROXY_IMAGE, command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"] }],
        },
      },
    },
  };
}

export function configMaps(): ConfigMap[] {
  const cm = (name: string, data: Record<string, string>): ConfigMap => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "kube-system" }, data });
  return [
    cm("coredns", {
      Corefile: ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n",
    }),
    cm("kube-proxy", { "config.conf": "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16\nmode: \"\"\n" }),
  ];
}

/** Static pods the control-plane kubelet runs from /etc/kubernetes/manifests. */
export function staticPods(node: string, nodeIP: string): Pod[] {
  const mk = (name: string, image: string, command: string[], cpu: string): Pod => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${name}-${node}`,
      namespace: "kube-system",
      labels: { component: name, tier: "control-plane" },
      annotations: { "kubernetes.io/config.source": "file", "kubernetes.io/config.mirror": "mirror", "kubernetes.io/config.seen": "2026-01-01T08:58:00.000000000Z" },
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priority: 2000001000,
      containers: [{ name, image, command, resources: { requests: { cpu } } }],
      tolerations: [{ operator: "Exists", effect: "NoExecute" }],
    },
  });
  void nodeIP;
  return [
    mk("etcd", "registry.k8s.io/etcd:3.6.4-0", ["etcd", "--advertise-client-urls=https://" + nodeIP + ":2379", "--data-dir=/var/lib/etcd"], "100m"),
    mk("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.34.1", ["kube-apiserver", "--advertise-address=" + nodeIP, "--service-cluster-ip-range=10.96.0.0/12"], "250m"),
    mk("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.34.1", ["kube-controller-manager", "--cluster-cidr=10.244.0.0/16", "--allocate-node-cidrs=true"], "200m"),
    mk("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.34.1", ["kube-scheduler", "--leader-elect=true"], "100m"),
  ];
}

function serviceAccount(name: string): ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "kube-system" } };
}

/** kube-apiserver keeps the `kubernetes` Service's endpoints itself: its own address. */
export function kubernetesEndpointSlice(apiserverIP: string): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  };
}

export function bootstrapObjects(apiserverIP: string): KubeObject[] {
  return [
    ...NAMESPACES,
    serviceAccount("coredns"),
    serviceAccount("kube-proxy"),
    kubernetesService(),
    kubernetesEndpointSlice(apiserverIP),
    kubeDnsService(),
    ...configMaps(),
    corednsDeployment(),
    kubeProxyDaemonSet(),
  ];
}
