// time.RFC1123Z as printed by kubectl describe ("Start Time:", "CreationTimestamp:").
import { describe, expect, it } from "vitest";
import { formatRFC1123Z } from "./timeFormat";

describe("formatRFC1123Z", () => {
  it("formats in UTC", () => {
    expect(formatRFC1123Z("2026-01-01T09:00:00Z")).toBe("Thu, 01 Jan 2026 09:00:00 +0000");
    expect(formatRFC1123Z("2024-02-29T23:59:59Z")).toBe("Thu, 29 Feb 2024 23:59:59 +0000");
  });
  it("prints Go's zero time for a missing timestamp", () => {
    expect(formatRFC1123Z(undefined)).toBe("Mon, 01 Jan 0001 00:00:00 +0000");
  });
});
