import { describe, expect, it } from "vitest";
import { fieldCompletions, fieldContextAt } from "./fieldCompletion";

const doc = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: nginx
          ports:
            - containerPort: 80
          im`;

describe("fieldContextAt", () => {
  it("finds the mapping path above the cursor, through list items", () => {
    expect(fieldContextAt(doc, doc.length)).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", path: ["spec", "template", "spec", "containers"], prefix: "im" });
  });
  it("works in the second document of a multi-document manifest", () => {
    const two = `${doc}\n---\napiVersion: v1\nkind: Service\nspec:\n  sel`;
    expect(fieldContextAt(two, two.length)).toMatchObject({ kind: "Service", path: ["spec"], prefix: "sel" });
  });
  it("is undefined while typing a value", () => {
    expect(fieldContextAt("apiVersion: v1\nkind: Pod\nmetadata:\n  name: we", 44)).toBeUndefined();
  });
});

describe("fieldCompletions", () => {
  it("offers the schema's fields that start with what is typed", () => {
    const r = fieldCompletions(doc, doc.length);
    expect(r?.options.map((o) => o.name)).toEqual(["image", "imagePullPolicy"]);
    expect(r?.from).toBe(doc.length - 2);
  });
  it("offers top-level fields of a kind", () => {
    const text = "apiVersion: v1\nkind: Pod\nsp";
    expect(fieldCompletions(text, text.length)?.options.map((o) => o.name)).toEqual(["spec"]);
  });
});
