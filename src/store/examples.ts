import type { Deployment } from "../sim/api/types";
import type { ApiResponse } from "../sim/components/apiserver/request";
import { kubectlRequest } from "./actions";
import { recordStep, stepTime } from "./panelActions";

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
 * "Apply example: nginx Deployment". The one place the guided start talks to the cluster: it
 * sends the create at once (no kubectl chunk to fetch first, so the first hop is there for Step),
 * and records the manifest as a step, so a shared link replays it (`kubectl apply -f -` takes
 * the JSON as it takes YAML).
 */
export async function applyNginxExample(): Promise<ApiResponse> {
  const at = stepTime();
  const res = await kubectlRequest({ verb: "create", resource: "deployments", namespace: "default", body: nginxDeployment() });
  if (res.ok) recordStep({ apply: JSON.stringify(nginxDeployment(), null, 2), at });
  return res;
}
