import { describe, expect, it } from "vitest";
import { apiHarness } from "../apiserver/testHarness";
import type { ApiResponse } from "../apiserver/request";

const getDefault = { verb: "get", resource: "namespaces", name: "default" } as const;

describe("ApiClient halt and resume", () => {
  it("delivers an answer to the process that asked", () => {
    const { kernel, client } = apiHarness();
    const answers: ApiResponse[] = [];
    client.request(getDefault, (res) => answers.push(res));
    kernel.runUntil(kernel.now + 1_000);
    expect(answers.map((r) => r.status)).toEqual([200]);
  });

  it("drops an answer that arrives while the process is stopped", () => {
    const { kernel, client } = apiHarness();
    const answers: ApiResponse[] = [];
    client.request(getDefault, (res) => answers.push(res));
    client.halt();
    kernel.runUntil(kernel.now + 1_000);
    expect(answers).toEqual([]);
  });

  it("drops an answer to a request of a process that was stopped and started again before it arrived", () => {
    const { kernel, client } = apiHarness();
    const answers: string[] = [];
    client.request(getDefault, () => answers.push("old process"));
    client.halt();
    client.resume();
    client.request(getDefault, () => answers.push("new process"));
    kernel.runUntil(kernel.now + 1_000);
    expect(answers).toEqual(["new process"]);
  });
});
