import { describe, expect, it } from "vitest";
import { makePodInfo, normalizedImageName } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { ImageLocality, imageLocalityScore } from "./imageLocality";

const MB = 1024 * 1024;

describe("ImageLocality", () => {
  it("scales the image size by its spread: 200 MB on 2 of 3 nodes → 11", () => {
    const snap = new Snapshot();
    const images = [{ names: ["nginx:1.27"], sizeBytes: 200 * MB }];
    const a = snap.setNode(makeNode("a", { images }));
    snap.setNode(makeNode("b", { images }));
    const c = snap.setNode(makeNode("c"));
    // trunc(200 MB × 2/3) = 139810133; 100 × (139810133 − 23 MB) / (1000 MB − 23 MB) = 11.29
    expect(imageLocalityScore(["nginx:1.27"], a, snap)).toBe(11);
    expect(imageLocalityScore(["nginx:1.27"], c, snap)).toBe(0);
  });

  it("treats images below 23 MB as absent", () => {
    const snap = new Snapshot();
    const a = snap.setNode(makeNode("a", { images: [{ names: ["busybox:1.36"], sizeBytes: 4 * MB }] }));
    expect(imageLocalityScore(["busybox:1.36"], a, snap)).toBe(0);
  });

  it("scores every node 0 without looking at them when no node has the pod's images", () => {
    const snap = new Snapshot();
    const nodes = [snap.setNode(makeNode("a", { images: [{ names: ["busybox:1.36"], sizeBytes: 40 * MB }] }))];
    const prep = ImageLocality.prepareScore(makePodInfo(makePod("p", { image: "nginx:1.27" })), snap, nodes);
    expect(prep.kind === "run" && prep.uniform).toEqual({ raw: 0, normalized: 0 });
  });

  it("normalises untagged names to :latest", () => {
    expect(normalizedImageName("nginx")).toBe("nginx:latest");
    expect(normalizedImageName("registry:5000/app")).toBe("registry:5000/app:latest");
    expect(normalizedImageName("nginx:1.27")).toBe("nginx:1.27");
  });
});
