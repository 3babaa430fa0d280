import { describe, expect, it } from "vitest";
import { Rng } from "../runtime";
import { SAFE_ALPHABET, canonicalJson, fnv32a, generateName, newUid, podTemplateHash, randomSuffix, safeEncodeString } from "./naming";
import type { PodTemplateSpec } from "./types";

// Alphabet and SafeEncodeString from k8s.io/apimachinery/pkg/util/rand/rand.go; name length
// limits from k8s.io/apiserver/pkg/storage/names/generate.go (maxGeneratedNameLength = 63 - 5);
// FNV-1a test vectors from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
describe("hashing", () => {
  it("computes FNV-1a 32", () => {
    expect(fnv32a("")).toBe(0x811c9dc5);
    expect(fnv32a("a")).toBe(0xe40c292c);
    expect(fnv32a("foobar")).toBe(0xbf9cf968);
  });

  it("safe-encodes digits like rand.SafeEncodeString", () => {
    // '0' is code point 48; 48 % 27 = 21 → '4'. '9' = 57 % 27 = 3 → 'f'.
    expect(safeEncodeString("0")).toBe("4");
    expect(safeEncodeString("9")).toBe("f");
    expect(safeEncodeString("1234567890")).toBe("56789bcdf4");
  });

  const template: PodTemplateSpec = {
    metadata: { labels: { app: "web" } },
    spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
  };

  it("gives equal templates equal hashes regardless of key order", () => {
    const reordered = { spec: { containers: [{ image: "nginx:1.27", name: "nginx" }] }, metadata: { labels: { app: "web" } } } as PodTemplateSpec;
    expect(podTemplateHash(reordered)).toBe(podTemplateHash(template));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });

  it("changes with the template and the collision count", () => {
    const h = podTemplateHash(template);
    expect(h).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{1,10}$`));
    const other = podTemplateHash({ ...template, spec: { containers: [{ name: "nginx", image: "nginx:1.28" }] } });
    expect(other).not.toBe(h);
    expect(podTemplateHash(template, 1)).not.toBe(h);
  });
});

describe("random names", () => {
  it("draws suffixes from the safe alphabet, deterministically per seed", () => {
    const a = randomSuffix(new Rng(7));
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(randomSuffix(new Rng(7))).toBe(a);
  });

  it("truncates generateName bases to 58 characters", () => {
    expect(generateName("web-7d4b9c8f5-", new Rng(1))).toMatch(/^web-7d4b9c8f5-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = generateName("x".repeat(70), new Rng(1));
    expect(long.length).toBe(63);
    expect(long.startsWith("x".repeat(58))).toBe(true);
  });

  it("makes RFC 4122 v4 UIDs", () => {
    const rng = new Rng(3);
    const u1 = newUid(rng);
    expect(u1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newUid(rng)).not.toBe(u1);
  });
});
