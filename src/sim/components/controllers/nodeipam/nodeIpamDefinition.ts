import type { Node } from "../../../api/types";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { ALLOCATE_KEY, NodeIpamController } from "./nodeIpamController";

/** kube-controller-manager's "node-ipam-controller" (--allocate-node-cidrs, --cluster-cidr, --node-cidr-mask-size). */
export function nodeIpamControllerDefinition(clusterCidr = "10.244.0.0/16", nodeMaskSize = 24): ControllerDefinition {
  return {
    name: "node-ipam-controller",
    create(setup) {
      const runner = setup.run(new NodeIpamController(clusterCidr, nodeMaskSize));
      const nodes = setup.informer<Node>("nodes");
      const kick = () => runner.enqueue(ALLOCATE_KEY);
      nodes.addHandler({
        add: (n) => {
          if (!n.spec.podCIDR) kick();
        },
        update: (_, n) => {
          if (!n.spec.podCIDR) kick();
        },
        delete: kick,
      });
    },
  };
}
