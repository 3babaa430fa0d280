import type { Deployment } from "../sim/api/types";
import type { ApiResponse } from "../sim/components/apiserver/request";
import { kubectlRequest } from "./actions";

/** The guided start's manifest: what `kubectl create deployment nginx --image=nginx:1.27 --replicas=3` sends. */
export function nginxDeployment(): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

/**
 * "Apply example: nginx Deployment". The one place the guided start talks to the cluster;
 * when the kubectl layer lands this becomes `kubectl apply -f -` through its interpreter.
 */
export function applyNginxExample(): Promise<ApiResponse> {
  return kubectlRequest({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() });
}
