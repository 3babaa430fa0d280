// metav1 types shared by every kind: ObjectMeta, OwnerReference, LabelSelector.
import { BOOL, INT64, STRING, STRING_LIST, STRING_MAP, arrayOf, anyObject, f, struct } from "./types";

export const OWNER_REFERENCE = struct("OwnerReference", {
  apiVersion: f(STRING, "API version of the referent.", true),
  kind: f(STRING, "Kind of the referent.", true),
  name: f(STRING, "Name of the referent.", true),
  uid: f(STRING, "UID of the referent.", true),
  controller: f(BOOL, "If true, this reference points to the managing controller."),
  blockOwnerDeletion: f(BOOL, "If true, the owner cannot be deleted from storage until this reference is removed."),
});

export const OBJECT_META = struct("ObjectMeta", {
  name: f(STRING, "Name must be unique within a namespace; it cannot be updated."),
  generateName: f(STRING, "Optional prefix the server uses to generate a unique name when name is not provided."),
  namespace: f(STRING, "The namespace the object lives in; an empty namespace is the default one."),
  uid: f(STRING, "Unique identifier of this object in time and space, set by the server."),
  resourceVersion: f(STRING, "Opaque version of this object, used for optimistic concurrency and watches."),
  generation: f(INT64, "A sequence number representing a specific generation of the desired state."),
  creationTimestamp: f(STRING, "When the object was created, set by the server (RFC 3339)."),
  deletionTimestamp: f(STRING, "When the object will be deleted, set by the server on graceful deletion."),
  deletionGracePeriodSeconds: f(INT64, "Seconds allowed for graceful termination before the object is removed."),
  labels: f(STRING_MAP, "Map of string keys and values used to organize and select objects."),
  annotations: f(STRING_MAP, "Unstructured key-value map for arbitrary metadata, not used for selection."),
  ownerReferences: f(arrayOf(OWNER_REFERENCE), "Objects this object depends on; the garbage collector deletes it when they are gone."),
  finalizers: f(STRING_LIST, "Must be empty before the object is deleted from storage."),
  managedFields: f(arrayOf(anyObject("v1.ManagedFieldsEntry")), "Which field manager owns which fields (server-side apply)."),
});

export const LABEL_SELECTOR_REQUIREMENT = struct("LabelSelectorRequirement", {
  key: f(STRING, "The label key that the selector applies to.", true),
  operator: f(STRING, "Relationship of the key to the values: In, NotIn, Exists or DoesNotExist.", true),
  values: f(STRING_LIST, "Values for In and NotIn; must be empty for Exists and DoesNotExist."),
});

export const LABEL_SELECTOR = struct("LabelSelector", {
  matchLabels: f(STRING_MAP, "Map of {key,value} pairs; each is an In requirement with a single value."),
  matchExpressions: f(arrayOf(LABEL_SELECTOR_REQUIREMENT), "List of label selector requirements, ANDed."),
});
