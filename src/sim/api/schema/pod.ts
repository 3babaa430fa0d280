// core/v1 Pod types: PodSpec, Container and what they hold.
import { LABEL_SELECTOR, OBJECT_META } from "./meta";
import {
  BOOL,
  INT32,
  INT64,
  INT_OR_STRING,
  QUANTITY,
  STRING,
  STRING_LIST,
  STRING_MAP,
  anyObject,
  arrayOf,
  f,
  mapOf,
  struct,
} from "./types";

const CONTAINER_PORT = struct("ContainerPort", {
  name: f(STRING, "An IANA_SVC_NAME for the port, unique within the pod; Services can refer to it."),
  containerPort: f(INT32, "Port number to expose on the pod's IP address (1-65535).", true),
  hostPort: f(INT32, "Port number to expose on the host."),
  hostIP: f(STRING, "Host IP to bind the external port to."),
  protocol: f(STRING, "Protocol for the port: UDP, TCP or SCTP. Defaults to TCP."),
});

const ENV_VAR = struct("EnvVar", {
  name: f(STRING, "Name of the environment variable.", true),
  value: f(STRING, "Value of the variable; $(VAR_NAME) references are expanded."),
  valueFrom: f(anyObject("v1.EnvVarSource"), "Source for the variable's value (field, resource, ConfigMap or Secret key)."),
});

const RESOURCES = struct("ResourceRequirements", {
  limits: f(mapOf(QUANTITY), "Maximum amount of compute resources allowed."),
  requests: f(mapOf(QUANTITY), "Minimum amount of compute resources required; the scheduler uses it."),
  claims: f(arrayOf(anyObject("v1.ResourceClaim")), "Dynamically allocated resources used by this container."),
});

const HTTP_GET = struct("HTTPGetAction", {
  path: f(STRING, "Path to access on the HTTP server."),
  port: f(INT_OR_STRING, "Name or number of the port to access on the container.", true),
  host: f(STRING, "Host name to connect to, defaults to the pod IP."),
  scheme: f(STRING, "Scheme to use for connecting to the host: HTTP or HTTPS. Defaults to HTTP."),
  httpHeaders: f(arrayOf(anyObject("v1.HTTPHeader")), "Custom headers to set in the request."),
});

const PROBE = struct("Probe", {
  httpGet: f(HTTP_GET, "An HTTP GET request to perform."),
  tcpSocket: f(struct("TCPSocketAction", { port: f(INT_OR_STRING, "Number or name of the port to access.", true), host: f(STRING, "Optional host name to connect to.") }), "A TCP port to connect to."),
  exec: f(struct("ExecAction", { command: f(STRING_LIST, "Command line to execute inside the container.") }), "A command to execute."),
  grpc: f(anyObject("v1.GRPCAction"), "A GRPC port to call."),
  initialDelaySeconds: f(INT32, "Seconds after the container has started before probes are initiated."),
  periodSeconds: f(INT32, "How often (in seconds) to perform the probe. Defaults to 10."),
  timeoutSeconds: f(INT32, "Seconds after which the probe times out. Defaults to 1."),
  successThreshold: f(INT32, "Minimum consecutive successes to be considered successful. Defaults to 1."),
  failureThreshold: f(INT32, "Consecutive failures after which the probe is considered failed. Defaults to 3."),
  terminationGracePeriodSeconds: f(INT64, "Grace period when the probe fails and the container is killed."),
});

export const CONTAINER = struct("Container", {
  name: f(STRING, "Name of the container, a DNS_LABEL unique within the pod.", true),
  image: f(STRING, "Container image name."),
  command: f(STRING_LIST, "Entrypoint array; the image's ENTRYPOINT is used if not provided."),
  args: f(STRING_LIST, "Arguments to the entrypoint; the image's CMD is used if not provided."),
  workingDir: f(STRING, "Container's working directory."),
  ports: f(arrayOf(CONTAINER_PORT), "Ports to expose from the container (informational)."),
  env: f(arrayOf(ENV_VAR), "Environment variables to set in the container."),
  envFrom: f(arrayOf(anyObject("v1.EnvFromSource")), "Sources to populate environment variables from."),
  resources: f(RESOURCES, "Compute resources required by this container."),
  volumeMounts: f(arrayOf(anyObject("v1.VolumeMount")), "Pod volumes to mount into the container's filesystem."),
  livenessProbe: f(PROBE, "Periodic probe of liveness; the container is restarted if it fails."),
  readinessProbe: f(PROBE, "Periodic probe of readiness; the pod leaves Service endpoints if it fails."),
  startupProbe: f(PROBE, "Probe that must succeed before the other probes start."),
  lifecycle: f(anyObject("v1.Lifecycle"), "Actions the system takes in response to container lifecycle events."),
  terminationMessagePath: f(STRING, "File the container's termination message is written to. Defaults to /dev/termination-log."),
  terminationMessagePolicy: f(STRING, "How the termination message is populated: File or FallbackToLogsOnError."),
  imagePullPolicy: f(STRING, "Always, Never or IfNotPresent. Defaults to Always for :latest, else IfNotPresent."),
  securityContext: f(anyObject("v1.SecurityContext"), "Security options the container should run with."),
  restartPolicy: f(STRING, "Restart behaviour of an init container (Always makes it a sidecar)."),
  stdin: f(BOOL, "Whether the container allocates a buffer for stdin."),
  stdinOnce: f(BOOL, "Whether stdin is closed after the first attach."),
  tty: f(BOOL, "Whether the container allocates a TTY."),
});

const TOLERATION = struct("Toleration", {
  key: f(STRING, "Taint key the toleration applies to; empty matches all keys."),
  operator: f(STRING, "Exists or Equal. Defaults to Equal."),
  value: f(STRING, "Taint value the toleration matches to."),
  effect: f(STRING, "Taint effect to match: NoSchedule, PreferNoSchedule or NoExecute; empty matches all."),
  tolerationSeconds: f(INT64, "How long a NoExecute taint is tolerated before eviction."),
});

const NODE_SELECTOR_REQUIREMENT = struct("NodeSelectorRequirement", {
  key: f(STRING, "The label key that the selector applies to.", true),
  operator: f(STRING, "In, NotIn, Exists, DoesNotExist, Gt or Lt.", true),
  values: f(STRING_LIST, "Values for the operator."),
});
const NODE_SELECTOR_TERM = struct("NodeSelectorTerm", {
  matchExpressions: f(arrayOf(NODE_SELECTOR_REQUIREMENT), "Requirements by node labels."),
  matchFields: f(arrayOf(NODE_SELECTOR_REQUIREMENT), "Requirements by node fields."),
});
const POD_AFFINITY_TERM = struct("PodAffinityTerm", {
  labelSelector: f(LABEL_SELECTOR, "Query over a set of pods."),
  namespaces: f(STRING_LIST, "Namespaces the labelSelector applies to."),
  namespaceSelector: f(LABEL_SELECTOR, "Query over the namespaces the term applies to."),
  topologyKey: f(STRING, "Node label key whose value defines co-location.", true),
});
const WEIGHTED_POD_AFFINITY_TERM = struct("WeightedPodAffinityTerm", {
  weight: f(INT32, "Weight in the range 1-100.", true),
  podAffinityTerm: f(POD_AFFINITY_TERM, "A pod affinity term.", true),
});
const POD_AFFINITY_FIELDS = {
  requiredDuringSchedulingIgnoredDuringExecution: f(arrayOf(POD_AFFINITY_TERM), "Terms that must be met at scheduling time."),
  preferredDuringSchedulingIgnoredDuringExecution: f(arrayOf(WEIGHTED_POD_AFFINITY_TERM), "Terms the scheduler prefers."),
};
const AFFINITY = struct("Affinity", {
  nodeAffinity: f(
    struct("NodeAffinity", {
      requiredDuringSchedulingIgnoredDuringExecution: f(
        struct("NodeSelector", { nodeSelectorTerms: f(arrayOf(NODE_SELECTOR_TERM), "ORed node selector terms.", true) }),
        "Node requirements that must be met at scheduling time.",
      ),
      preferredDuringSchedulingIgnoredDuringExecution: f(
        arrayOf(struct("PreferredSchedulingTerm", { weight: f(INT32, "Weight 1-100.", true), preference: f(NODE_SELECTOR_TERM, "A node selector term.", true) })),
        "Node preferences the scheduler scores.",
      ),
    }),
    "Node affinity scheduling rules.",
  ),
  podAffinity: f(struct("PodAffinity", POD_AFFINITY_FIELDS), "Co-locate this pod with other pods."),
  podAntiAffinity: f(struct("PodAntiAffinity", POD_AFFINITY_FIELDS), "Keep this pod away from other pods."),
});

const TOPOLOGY_SPREAD = struct("TopologySpreadConstraint", {
  maxSkew: f(INT32, "Degree to which pods may be unevenly distributed.", true),
  topologyKey: f(STRING, "Node label key defining the topology domains.", true),
  whenUnsatisfiable: f(STRING, "DoNotSchedule or ScheduleAnyway.", true),
  labelSelector: f(LABEL_SELECTOR, "Finds the pods counted in each domain."),
  minDomains: f(INT32, "Minimum number of eligible domains."),
  matchLabelKeys: f(STRING_LIST, "Pod label keys whose values are added to the selector."),
});

export const POD_SPEC = struct("PodSpec", {
  containers: f(arrayOf(CONTAINER), "Containers belonging to the pod; at least one.", true),
  initContainers: f(arrayOf(CONTAINER), "Containers run to completion, in order, before the app containers start."),
  volumes: f(arrayOf(anyObject("v1.Volume")), "Volumes that containers of the pod can mount."),
  restartPolicy: f(STRING, "Always, OnFailure or Never. Defaults to Always."),
  terminationGracePeriodSeconds: f(INT64, "Seconds the pod has to terminate gracefully. Defaults to 30."),
  activeDeadlineSeconds: f(INT64, "Seconds the pod may be active before the system terminates it."),
  dnsPolicy: f(STRING, "ClusterFirstWithHostNet, ClusterFirst, Default or None. Defaults to ClusterFirst."),
  dnsConfig: f(anyObject("v1.PodDNSConfig"), "DNS parameters in addition to those of the DNS policy."),
  nodeSelector: f(STRING_MAP, "Labels a node must have for the pod to fit on it."),
  serviceAccountName: f(STRING, "Name of the ServiceAccount used to run this pod."),
  serviceAccount: f(STRING, "Deprecated alias of serviceAccountName."),
  automountServiceAccountToken: f(BOOL, "Whether a service account token is mounted automatically."),
  nodeName: f(STRING, "Node the pod is bound to; set by the scheduler through the binding subresource."),
  hostNetwork: f(BOOL, "Use the host's network namespace."),
  hostPID: f(BOOL, "Use the host's pid namespace."),
  hostIPC: f(BOOL, "Use the host's ipc namespace."),
  shareProcessNamespace: f(BOOL, "Share a single process namespace between all containers."),
  securityContext: f(anyObject("v1.PodSecurityContext"), "Pod-level security attributes."),
  imagePullSecrets: f(arrayOf(anyObject("v1.LocalObjectReference")), "Secrets used to pull the images."),
  hostname: f(STRING, "Hostname of the pod; defaults to its name."),
  subdomain: f(STRING, "Subdomain of the pod's FQDN."),
  affinity: f(AFFINITY, "Scheduling constraints."),
  schedulerName: f(STRING, "Scheduler that dispatches the pod. Defaults to default-scheduler."),
  tolerations: f(arrayOf(TOLERATION), "Taints the pod tolerates."),
  priorityClassName: f(STRING, "Priority class of the pod."),
  priority: f(INT32, "Priority value, set by the Priority admission plugin from priorityClassName."),
  preemptionPolicy: f(STRING, "Never or PreemptLowerPriority."),
  readinessGates: f(arrayOf(anyObject("v1.PodReadinessGate")), "Extra conditions evaluated for pod readiness."),
  runtimeClassName: f(STRING, "RuntimeClass used to run this pod."),
  enableServiceLinks: f(BOOL, "Inject Service information into environment variables. Defaults to true."),
  topologySpreadConstraints: f(arrayOf(TOPOLOGY_SPREAD), "How pods spread across topology domains."),
  overhead: f(mapOf(QUANTITY), "Resource overhead of running the pod sandbox."),
});

export const POD_TEMPLATE_SPEC = struct("PodTemplateSpec", {
  metadata: f(OBJECT_META, "Standard object metadata of the pods created from this template."),
  spec: f(POD_SPEC, "Specification of the desired behavior of the pod."),
});

export const POD_STATUS = anyObject("v1.PodStatus");
