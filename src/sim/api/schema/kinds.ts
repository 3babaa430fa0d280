// Top-level schemas of every kind we serve, keyed by `apiVersion/kind`.
import { LABEL_SELECTOR, OBJECT_META } from "./meta";
import { POD_SPEC, POD_STATUS, POD_TEMPLATE_SPEC } from "./pod";
import {
  BOOL,
  INT32,
  INT64,
  INT_OR_STRING,
  STRING,
  STRING_LIST,
  STRING_MAP,
  anyObject,
  arrayOf,
  f,
  struct,
  type Field,
  type FieldType,
} from "./types";

function kind(name: string, description: string, fields: Record<string, Field>, pkg = "v1"): { type: FieldType; description: string } {
  return {
    description,
    type: struct(
      name,
      {
        apiVersion: f(STRING, "Versioned schema of this representation of an object."),
        kind: f(STRING, "REST resource this object represents."),
        metadata: f(OBJECT_META, "Standard object's metadata."),
        ...fields,
      },
      pkg,
    ),
  };
}

const status = (name: string) => f(anyObject(name), "Most recently observed status, populated by the system. Read-only.");

const DEPLOYMENT_SPEC = struct("DeploymentSpec", {
  replicas: f(INT32, "Number of desired pods. Defaults to 1."),
  selector: f(LABEL_SELECTOR, "Label selector for pods; must match the pod template's labels. Immutable.", true),
  template: f(POD_TEMPLATE_SPEC, "Template describing the pods that will be created.", true),
  strategy: f(
    struct("DeploymentStrategy", {
      type: f(STRING, "Recreate or RollingUpdate. Defaults to RollingUpdate."),
      rollingUpdate: f(
        struct("RollingUpdateDeployment", {
          maxUnavailable: f(INT_OR_STRING, "Pods that can be unavailable during the update (number or percent). Defaults to 25%."),
          maxSurge: f(INT_OR_STRING, "Pods that can be created above the desired count (number or percent). Defaults to 25%."),
        }),
        "Rolling update config parameters, present only if type is RollingUpdate.",
      ),
    }),
    "The deployment strategy used to replace existing pods with new ones.",
  ),
  minReadySeconds: f(INT32, "Seconds a new pod must be ready, without crashing, to count as available."),
  revisionHistoryLimit: f(INT32, "Old ReplicaSets to retain to allow rollback. Defaults to 10."),
  progressDeadlineSeconds: f(INT32, "Seconds for a deployment to make progress before it is considered failed. Defaults to 600."),
  paused: f(BOOL, "Indicates that the deployment is paused."),
});

const REPLICA_SET_SPEC = struct("ReplicaSetSpec", {
  replicas: f(INT32, "Number of desired pods. Defaults to 1."),
  selector: f(LABEL_SELECTOR, "Label query over pods that should match the replica count.", true),
  template: f(POD_TEMPLATE_SPEC, "Template of the pods created when there are too few."),
  minReadySeconds: f(INT32, "Seconds a new pod must be ready to count as available."),
});

const DAEMON_SET_SPEC = struct("DaemonSetSpec", {
  selector: f(LABEL_SELECTOR, "Label query over the pods managed by the daemon set.", true),
  template: f(POD_TEMPLATE_SPEC, "Template of the pod run on every eligible node.", true),
  updateStrategy: f(
    struct("DaemonSetUpdateStrategy", {
      type: f(STRING, "RollingUpdate or OnDelete. Defaults to RollingUpdate."),
      rollingUpdate: f(
        struct("RollingUpdateDaemonSet", {
          maxUnavailable: f(INT_OR_STRING, "Daemon pods that can be unavailable during the update. Defaults to 1."),
          maxSurge: f(INT_OR_STRING, "Nodes that may run an extra updated pod during the update. Defaults to 0."),
        }),
        "Rolling update config params, present only if type is RollingUpdate.",
      ),
    }),
    "Strategy used to replace old pods by new ones.",
  ),
  minReadySeconds: f(INT32, "Seconds a new daemon pod must be ready to count as available."),
  revisionHistoryLimit: f(INT32, "Old history to retain to allow rollback. Defaults to 10."),
});

const SERVICE_PORT = struct("ServicePort", {
  name: f(STRING, "Name of this port; required when there is more than one."),
  protocol: f(STRING, "TCP, UDP or SCTP. Defaults to TCP."),
  appProtocol: f(STRING, "Application protocol of this port."),
  port: f(INT32, "Port exposed by this service.", true),
  targetPort: f(INT_OR_STRING, "Number or name of the port to access on the pods. Defaults to port."),
  nodePort: f(INT32, "Port on each node for NodePort or LoadBalancer services, allocated if not set."),
});

const SERVICE_SPEC = struct("ServiceSpec", {
  type: f(STRING, "ClusterIP, NodePort, LoadBalancer or ExternalName. Defaults to ClusterIP."),
  selector: f(STRING_MAP, "Route traffic to pods with labels matching this selector."),
  ports: f(arrayOf(SERVICE_PORT), "The ports exposed by this service."),
  clusterIP: f(STRING, "IP address of the service, allocated by the apiserver; None for a headless service."),
  clusterIPs: f(STRING_LIST, "IP addresses of the service, one per IP family."),
  externalIPs: f(STRING_LIST, "IPs for which nodes also accept traffic for this service."),
  externalName: f(STRING, "DNS name returned as a CNAME for ExternalName services."),
  sessionAffinity: f(STRING, "ClientIP or None. Defaults to None."),
  sessionAffinityConfig: f(anyObject("v1.SessionAffinityConfig"), "Configuration of session affinity."),
  externalTrafficPolicy: f(STRING, "Cluster or Local: how external traffic is routed to node-local endpoints."),
  internalTrafficPolicy: f(STRING, "Cluster or Local: how in-cluster traffic is routed."),
  ipFamilies: f(STRING_LIST, "IPv4 and/or IPv6."),
  ipFamilyPolicy: f(STRING, "SingleStack, PreferDualStack or RequireDualStack."),
  loadBalancerIP: f(STRING, "Deprecated: requested load balancer IP."),
  loadBalancerClass: f(STRING, "Class of the load balancer implementation."),
  allocateLoadBalancerNodePorts: f(BOOL, "Whether NodePorts are allocated for LoadBalancer services."),
  publishNotReadyAddresses: f(BOOL, "Publish endpoints for pods that are not ready."),
  healthCheckNodePort: f(INT32, "Health check node port for Local external traffic policy."),
});

const TAINT = struct("Taint", {
  key: f(STRING, "The taint key to be applied to a node.", true),
  value: f(STRING, "The taint value corresponding to the taint key."),
  effect: f(STRING, "NoSchedule, PreferNoSchedule or NoExecute.", true),
  timeAdded: f(STRING, "When a NoExecute taint was added."),
});

const ENDPOINT = struct("Endpoint", {
  addresses: f(STRING_LIST, "Addresses of this endpoint (1 to 100).", true),
  conditions: f(
    struct("EndpointConditions", {
      ready: f(BOOL, "The endpoint is ready to receive traffic."),
      serving: f(BOOL, "The endpoint is serving, even while terminating."),
      terminating: f(BOOL, "The endpoint is terminating."),
    }),
    "Current state of the endpoint.",
  ),
  hostname: f(STRING, "Hostname of this endpoint."),
  targetRef: f(anyObject("v1.ObjectReference"), "The object this endpoint represents (usually a Pod)."),
  nodeName: f(STRING, "Node hosting this endpoint."),
  zone: f(STRING, "Zone this endpoint exists in."),
  hints: f(anyObject("v1.EndpointHints"), "Topology hints for consumers."),
});

const OBJECT_REFERENCE = struct("ObjectReference", {
  kind: f(STRING, "Kind of the referent."),
  namespace: f(STRING, "Namespace of the referent."),
  name: f(STRING, "Name of the referent."),
  uid: f(STRING, "UID of the referent."),
  apiVersion: f(STRING, "API version of the referent."),
  resourceVersion: f(STRING, "Specific resourceVersion the reference is made to."),
  fieldPath: f(STRING, "Part of the object referred to, e.g. spec.containers{name}."),
});

export const KIND_SCHEMAS: Record<string, { type: FieldType; description: string }> = {
  "v1/Pod": kind("Pod", "Pod is a collection of containers that can run on a host.", {
    spec: f(POD_SPEC, "Specification of the desired behavior of the pod."),
    status: f(POD_STATUS, "Most recently observed status of the pod. Read-only."),
  }),
  "apps/v1/Deployment": kind(
    "Deployment",
    "Deployment enables declarative updates for Pods and ReplicaSets.",
    { spec: f(DEPLOYMENT_SPEC, "Specification of the desired behavior of the Deployment."), status: status("v1.DeploymentStatus") },
  ),
  "apps/v1/ReplicaSet": kind("ReplicaSet", "ReplicaSet ensures that a specified number of pod replicas are running at any given time.", {
    spec: f(REPLICA_SET_SPEC, "Defines the specification of the desired behavior of the ReplicaSet."),
    status: status("v1.ReplicaSetStatus"),
  }),
  "apps/v1/DaemonSet": kind("DaemonSet", "DaemonSet represents the configuration of a daemon set.", {
    spec: f(DAEMON_SET_SPEC, "The desired behavior of this daemon set."),
    status: status("v1.DaemonSetStatus"),
  }),
  "apps/v1/ControllerRevision": kind("ControllerRevision", "ControllerRevision is an immutable snapshot of state data.", {
    data: f(anyObject("runtime.RawExtension"), "The serialized representation of the state."),
    revision: f(INT64, "The revision this object represents.", true),
  }),
  "v1/Service": kind("Service", "Service is a named abstraction of a software service: a port proxied to a set of pods.", {
    spec: f(SERVICE_SPEC, "Behavior of the service."),
    status: status("v1.ServiceStatus"),
  }),
  "discovery.k8s.io/v1/EndpointSlice": kind("EndpointSlice", "EndpointSlice represents a subset of the endpoints that implement a service.", {
    addressType: f(STRING, "IPv4, IPv6 or FQDN.", true),
    endpoints: f(arrayOf(ENDPOINT), "List of unique endpoints in this slice (at most 1000).", true),
    ports: f(
      arrayOf(struct("EndpointPort", { name: f(STRING, "Name of this port."), port: f(INT32, "Port number."), protocol: f(STRING, "TCP, UDP or SCTP."), appProtocol: f(STRING, "Application protocol.") })),
      "Network ports exposed by each endpoint.",
    ),
  }),
  "v1/Endpoints": kind("Endpoints", "Endpoints is a collection of endpoints that implement the actual service (deprecated).", {
    subsets: f(
      arrayOf(
        struct("EndpointSubset", {
          addresses: f(arrayOf(anyObject("v1.EndpointAddress")), "IP addresses of ready endpoints."),
          notReadyAddresses: f(arrayOf(anyObject("v1.EndpointAddress")), "IP addresses of endpoints that are not ready."),
          ports: f(arrayOf(anyObject("v1.EndpointPort")), "Port numbers available on the addresses."),
        }),
      ),
      "Sets of addresses and ports of the service.",
    ),
  }),
  "v1/Node": kind("Node", "Node is a worker node in Kubernetes.", {
    spec: f(
      struct("NodeSpec", {
        podCIDR: f(STRING, "Pod IP range assigned to the node."),
        podCIDRs: f(STRING_LIST, "Pod IP ranges assigned to the node."),
        providerID: f(STRING, "ID of the node assigned by the cloud provider."),
        unschedulable: f(BOOL, "Controls node schedulability of new pods (kubectl cordon)."),
        taints: f(arrayOf(TAINT), "The node's taints."),
      }),
      "Behavior of the node.",
    ),
    status: status("v1.NodeStatus"),
  }),
  "v1/Namespace": kind("Namespace", "Namespace provides a scope for names.", {
    spec: f(struct("NamespaceSpec", { finalizers: f(STRING_LIST, "Finalizers to run before the namespace is removed.") }), "Behavior of the Namespace."),
    status: status("v1.NamespaceStatus"),
  }),
  "v1/Event": kind("Event", "Event is a report of an event somewhere in the cluster.", {
    involvedObject: f(OBJECT_REFERENCE, "The object this event is about.", true),
    reason: f(STRING, "Short, machine understandable reason for the transition."),
    message: f(STRING, "Human-readable description of the status of this operation."),
    type: f(STRING, "Normal or Warning."),
    source: f(struct("EventSource", { component: f(STRING, "Component the event comes from."), host: f(STRING, "Node name the event comes from.") }), "The component reporting this event."),
    count: f(INT32, "The number of times this event has occurred."),
    firstTimestamp: f(STRING, "When this event was first recorded."),
    lastTimestamp: f(STRING, "When this event was most recently recorded."),
    eventTime: f(STRING, "When this event was first observed (MicroTime)."),
    reportingComponent: f(STRING, "Name of the controller that emitted this event."),
    reportingInstance: f(STRING, "ID of the controller instance."),
    action: f(STRING, "What action was taken or failed."),
    related: f(OBJECT_REFERENCE, "Optional secondary object."),
    series: f(anyObject("v1.EventSeries"), "Data about the event series this event represents."),
  }),
  "v1/ConfigMap": kind("ConfigMap", "ConfigMap holds configuration data for pods to consume.", {
    data: f(STRING_MAP, "Configuration data."),
    binaryData: f(STRING_MAP, "Binary configuration data, base64 encoded."),
    immutable: f(BOOL, "If true, the data cannot be updated."),
  }),
  "v1/Secret": kind("Secret", "Secret holds secret data of a certain type.", {
    type: f(STRING, "Used to facilitate programmatic handling of secret data. Defaults to Opaque."),
    data: f(STRING_MAP, "Secret data, base64 encoded."),
    stringData: f(STRING_MAP, "Write-only convenience field: plain strings merged into data."),
    immutable: f(BOOL, "If true, the data cannot be updated."),
  }),
  "v1/ServiceAccount": kind("ServiceAccount", "ServiceAccount binds together a name, a principal and a set of secrets.", {
    secrets: f(arrayOf(OBJECT_REFERENCE), "Secrets pods running as this account may use."),
    imagePullSecrets: f(arrayOf(anyObject("v1.LocalObjectReference")), "Secrets used to pull images."),
    automountServiceAccountToken: f(BOOL, "Whether pods mount a token automatically."),
  }),
  "coordination.k8s.io/v1/Lease": kind("Lease", "Lease defines a lease concept.", {
    spec: f(
      struct("LeaseSpec", {
        holderIdentity: f(STRING, "Identity of the holder of the lease."),
        leaseDurationSeconds: f(INT32, "Seconds candidates wait to force-acquire the lease."),
        acquireTime: f(STRING, "When the current lease was acquired."),
        renewTime: f(STRING, "When the current holder last renewed the lease."),
        leaseTransitions: f(INT32, "Number of transitions of the lease between holders."),
      }),
      "Specification of the Lease.",
    ),
  }),
  "policy/v1/PodDisruptionBudget": kind("PodDisruptionBudget", "PodDisruptionBudget limits the number of pods of a collection disrupted at once.", {
    spec: f(
      struct("PodDisruptionBudgetSpec", {
        minAvailable: f(INT_OR_STRING, "Pods that must still be available after an eviction (number or percent)."),
        maxUnavailable: f(INT_OR_STRING, "Pods that can be unavailable after an eviction (number or percent)."),
        selector: f(LABEL_SELECTOR, "Label query over the pods whose evictions are managed."),
        unhealthyPodEvictionPolicy: f(STRING, "IfHealthyBudget or AlwaysAllow."),
      }),
      "Specification of the desired behavior of the PodDisruptionBudget.",
    ),
    status: status("v1.PodDisruptionBudgetStatus"),
  }),
};
