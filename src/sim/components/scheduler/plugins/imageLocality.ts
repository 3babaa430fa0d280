import { MAX_NODE_SCORE, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import type { Snapshot } from "../snapshot";

// A module-local copy: imported bindings can cost a getter call per read in some module loaders.
const MAX_SCORE = MAX_NODE_SCORE;

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
  return Math.trunc((MAX_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

const NOWHERE = Object.freeze({ kind: "run" as const, score: () => 0, uniform: Object.freeze({ raw: 0, normalized: 0 }) });

export const ImageLocality: ScorePlugin = {
  name: "ImageLocality",
  weight: 1,
  prepareScore: (pod, snapshot) => {
    // Per cycle: each image's spread (nodes having it / all nodes) and the score range.
    const total = snapshot.numNodes;
    const images = pod.images;
    const spread = images.map((img) => (total > 0 ? snapshot.imageNumNodes(img) / total : 0));
    // None of the pod's images is on any node yet: every node scores 0.
    if (spread.every((x) => x === 0)) return NOWHERE;
    const maxThreshold = MAX_CONTAINER_THRESHOLD * images.length;
    return {
      kind: "run",
      score: (node) => imageLocalityScore(images, node, snapshot),
      scoreAll: (nodes, _ids, out) => {
        for (let i = 0; i < nodes.length; i++) {
          const sizes = nodes[i].imageSizes;
          let sum = 0;
          for (let k = 0; k < images.length; k++) {
            const size = sizes.get(images[k]);
            if (size !== undefined) sum += Math.trunc(size * spread[k]);
          }
          if (sum < MIN_THRESHOLD) sum = MIN_THRESHOLD;
          else if (sum > maxThreshold) sum = maxThreshold;
          out[i] = Math.trunc((MAX_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
        }
      },
    };
  },
};
