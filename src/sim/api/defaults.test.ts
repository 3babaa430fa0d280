import { describe, expect, it } from "vitest";
import { applyDefaults, defaultPullPolicy } from "./defaults";
import type { DaemonSet, Deployment, Namespace, Pod, Service } from "./types";

// Expected values from pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container,
// SetDefaults_Pod, SetDefaults_Service, SetDefaults_Probe, SetDefaults_Namespace) and
// pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_DaemonSet), as a v1.34
// `kubectl get deploy web -o yaml` shows them.
const deployment: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
  },
};

describe("applyDefaults", () => {
  it("defaults a Deployment and its pod template", () => {
    const d = applyDefaults(deployment);
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec).toEqual({
      containers: [
        {
          name: "nginx",
          image: "nginx:1.27",
          imagePullPolicy: "IfNotPresent",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    // The input is untouched.
    expect(deployment.spec.replicas).toBeUndefined();
  });

  it("picks the pull policy from the tag", () => {
    expect(defaultPullPolicy("nginx")).toBe("Always");
    expect(defaultPullPolicy("nginx:latest")).toBe("Always");
    expect(defaultPullPolicy("nginx:1.27")).toBe("IfNotPresent");
    expect(defaultPullPolicy("localhost:5000/app")).toBe("Always");
    expect(defaultPullPolicy("nginx@sha256:abc")).toBe("IfNotPresent");
  });

  it("defaults Pods with admission's account and priority, and copies limits to requests", () => {
    const pod = applyDefaults<Pod>({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", namespace: "default" },
      spec: {
        containers: [
          { name: "app", image: "app", resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "100m" } }, readinessProbe: { httpGet: { port: 8080 } } },
        ],
      },
    });
    const c = pod.spec.containers[0];
    expect(c.resources?.requests).toEqual({ cpu: "100m", memory: "128Mi" });
    expect(c.readinessProbe).toEqual({ httpGet: { path: "/", port: 8080, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(pod.spec.serviceAccountName).toBe("default");
    expect(pod.spec.serviceAccount).toBe("default");
    expect(pod.spec.enableServiceLinks).toBe(true);
    expect(pod.spec.priority).toBe(0);
    expect(pod.spec.preemptionPolicy).toBe("PreemptLowerPriority");
  });

  it("defaults Services", () => {
    const svc = applyDefaults<Service>({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80 }] } });
    expect(svc.spec).toEqual({
      type: "NodePort",
      selector: { app: "web" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
    });
    const plain = applyDefaults<Service>({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80, targetPort: "http" }] } });
    expect(plain.spec.type).toBe("ClusterIP");
    expect(plain.spec.externalTrafficPolicy).toBeUndefined();
    expect(plain.spec.ports?.[0].targetPort).toBe("http");
  });

  it("defaults DaemonSets and Namespaces", () => {
    const ds = applyDefaults<DaemonSet>({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "d" }, spec: { selector: {}, template: { spec: { containers: [] } } } });
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    const ns = applyDefaults<Namespace>({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } });
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team-a" });
    expect(ns.status).toEqual({ phase: "Active" });
  });
});
