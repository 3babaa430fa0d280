import { describe, expect, it } from "vitest";
import { currentSession, startSession } from "./session";
import { createFakeCluster } from "./testing/fakeCluster";
import { uiTransport } from "./uiTransport";

/** Runs the session's driver for `frames` frames of 16 ms wall time. */
function runFrames(frames: number, start = 0): number {
  const s = currentSession()!;
  let t = start;
  for (let i = 0; i < frames; i++) s.driver.frame((t += 16));
  return t;
}

describe("uiTransport", () => {
  it("answers a request only as the frame loop moves the cluster", async () => {
    const session = startSession(createFakeCluster({ workers: 1, heartbeats: false }));
    const t = uiTransport(session);
    let answered = false;
    const p = t.request({ verb: "list", resource: "nodes" }).then((r) => {
      answered = true;
      return r;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    for (let i = 0; i < 200 && !answered; i++) {
      runFrames(5, i * 80);
      await Promise.resolve();
    }
    expect((await p).ok).toBe(true);
  });

  it("sleeps in cluster time, and a Ctrl+C (abort) ends the wait even when paused", async () => {
    const session = startSession(createFakeCluster({ workers: 1, heartbeats: false }));
    const ctl = new AbortController();
    const t = uiTransport(session, ctl.signal);
    const before = session.cluster.now();
    let woke = false;
    void t.sleep(60_000).then(() => (woke = true));
    session.store.setState({ playing: false });
    runFrames(10);
    await Promise.resolve();
    expect(woke).toBe(false);
    ctl.abort();
    await Promise.resolve();
    expect(woke).toBe(true);
    expect(session.cluster.now() - before).toBeLessThan(60_000);
  });

  it("refuses requests once another session has started (Reset cluster)", async () => {
    const old = startSession(createFakeCluster({ workers: 1, heartbeats: false }));
    const t = uiTransport(old);
    startSession(createFakeCluster({ workers: 1, heartbeats: false }));
    const res = await t.request({ verb: "list", resource: "nodes" });
    expect(res).toMatchObject({ ok: false, status: 0 });
  });
});
