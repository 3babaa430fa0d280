import { describe, expect, it } from "vitest";
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from "./expectations";

describe("ControllerExpectations", () => {
  it("is satisfied once every expected create has been observed", () => {
    const e = new ControllerExpectations(() => 0);
    expect(e.satisfied("default/web")).toBe(true);
    e.expectCreations("default/web", 2);
    expect(e.satisfied("default/web")).toBe(false);
    e.creationObserved("default/web");
    expect(e.satisfied("default/web")).toBe(false);
    e.creationObserved("default/web");
    expect(e.satisfied("default/web")).toBe(true);
  });

  it("tracks deletions by object key, so an unrelated delete does not count", () => {
    const e = new ControllerExpectations(() => 0);
    e.expectDeletions("default/web", ["default/web-abcde"]);
    e.deletionObserved("default/web", "default/web-zzzzz");
    expect(e.satisfied("default/web")).toBe(false);
    e.deletionObserved("default/web", "default/web-abcde");
    e.deletionObserved("default/web", "default/web-abcde");
    expect(e.satisfied("default/web")).toBe(true);
    expect(e.pending("default/web")).toEqual({ adds: 0, deletes: 0 });
  });

  it("expires after 5 minutes", () => {
    let now = 1000;
    const e = new ControllerExpectations(() => now);
    e.expectCreations("k", 3);
    now += EXPECTATIONS_TIMEOUT_MS;
    expect(e.satisfied("k")).toBe(false);
    now += 1;
    expect(e.satisfied("k")).toBe(true);
  });
});
