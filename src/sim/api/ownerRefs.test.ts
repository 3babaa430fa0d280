import { describe, expect, it } from "vitest";
import { controllerOf, isControlledBy, isOwnedBy, newControllerRef } from "./ownerRefs";
import type { KubeObject } from "./types";

// Semantics of k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go (GetControllerOf,
// IsControlledBy, NewControllerRef: controller and blockOwnerDeletion both true).
const rs: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-7d4b9c8f5", uid: "rs-uid" } };
const other: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "old", uid: "old-uid" } };

describe("owner references", () => {
  it("finds the controller and compares by uid", () => {
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-7d4b9c8f5-abcde", ownerReferences: [{ ...newControllerRef(other), controller: false }, newControllerRef(rs)] },
    };
    expect(controllerOf(pod)?.name).toBe("web-7d4b9c8f5");
    expect(isControlledBy(pod, rs)).toBe(true);
    expect(isControlledBy(pod, other)).toBe(false);
    expect(isOwnedBy(pod, other)).toBe(true);
    expect(controllerOf({ apiVersion: "v1", kind: "Pod", metadata: {} })).toBeUndefined();
  });

  it("builds controller refs like metav1.NewControllerRef", () => {
    expect(newControllerRef(rs)).toEqual({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      name: "web-7d4b9c8f5",
      uid: "rs-uid",
      controller: true,
      blockOwnerDeletion: true,
    });
  });
});
