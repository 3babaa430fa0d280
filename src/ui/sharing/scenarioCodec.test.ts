import { describe, expect, it } from "vitest";
import { compressToEncodedURIComponent } from "lz-string";
import { decodeScenario, encodeScenario, scenarioFromHash, shareUrl, type Scenario } from "./scenarioCodec";

const sc: Scenario = {
  profile: "fast",
  seed: 7,
  workers: 3,
  editor: "apiVersion: v1\nkind: Pod\n",
  steps: [{ apply: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n", at: 1200 }, { sim: "sim node stop worker-2", at: 5000 }],
};

describe("scenario links", () => {
  it("round-trips a scenario through the URL", () => {
    const url = shareUrl("https://example.org/kubeglass/", sc);
    expect(url).toMatch(/^https:\/\/example\.org\/kubeglass\/\?profile=fast&seed=7&workers=3#scenario=/);
    expect(scenarioFromHash(new URL(url).hash)).toEqual(sc);
  });

  it("rejects anything that is not a scenario", () => {
    expect(decodeScenario("not-lz")).toBeNull();
    const enc = (v: unknown) => compressToEncodedURIComponent(JSON.stringify(v));
    const good = JSON.parse(JSON.stringify({ v: 1, p: "real", s: 1, w: 3, st: [] }));
    expect(decodeScenario(enc(good))).toEqual({ profile: "real", seed: 1, workers: 3, steps: [] });
    expect(decodeScenario(enc({ ...good, p: "turbo" }))).toBeNull();
    expect(decodeScenario(enc({ ...good, w: 5000 }))).toBeNull();
    expect(decodeScenario(enc({ ...good, st: [{ x: "rm -rf /" }] }))).toBeNull();
    expect(decodeScenario(enc({ ...good, st: [{ x: "sim node stop worker-1; alert(1)" }] }))).toBeNull();
    expect(decodeScenario(enc({ ...good, st: [{ x: "sim node stop <img src=x>" }] }))).toBeNull();
    expect(decodeScenario(enc({ ...good, st: [{ a: 42 }] }))).toBeNull();
    expect(decodeScenario(enc({ ...good, e: { toString: 1 } }))).toBeNull();
  });

  it("keeps the encoded form compact", () => {
    expect(encodeScenario(sc).length).toBeLessThan(JSON.stringify(sc).length);
  });
});
