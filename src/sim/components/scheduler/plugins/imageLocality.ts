import { MAX_NODE_SCORE, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import type { Snapshot } from "../snapshot";

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * Sum over the pod's images already on the node of size × (nodes having it / all nodes),
 * mapped from [23 MB, 1000 MB × containers] onto 0..100.
 */
export function imageLocalityScore(images: readonly string[], node: NodeInfo, snapshot: Snapshot): number {
  const total = snapshot.numNodes;
  let sum = 0;
  for (const img of images) {
    const size = node.imageSizes.get(img);
    if (size !== undefined && total > 0) sum += Math.trunc(size * (snapshot.imageNumNodes(img) / total));
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * images.length;
  if (sum < MIN_THRESHOLD) sum = MIN_THRESHOLD;
  else if (sum > maxThreshold) sum = maxThreshold;
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export const ImageLocality: ScorePlugin = {
  name: "ImageLocality",
  weight: 1,
  prepareScore: (pod, snapshot) => ({ kind: "run", score: (node) => imageLocalityScore(pod.images, node, snapshot) }),
};
