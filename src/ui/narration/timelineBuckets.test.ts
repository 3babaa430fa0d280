import { describe, expect, it } from "vitest";
import type { TimelineMark } from "../../store";
import { bucketMarks, timelineSpan } from "./timelineBuckets";

const mark = (id: string, at: number, tone: TimelineMark["tone"]): TimelineMark => ({ id, at, label: id, detail: "", tone });

describe("timeline", () => {
  it("uses round spans that grow in steps", () => {
    expect(timelineSpan(0)).toBe(60_000);
    expect(timelineSpan(59_000)).toBe(120_000);
    expect(timelineSpan(200_000)).toBe(300_000);
  });
  it("shares a button between marks at the same place, showing the most serious", () => {
    const b = bucketMarks([mark("a", 1000, "progress"), mark("b", 1100, "fault"), mark("c", 50_000, "user")], 0, 60_000);
    expect(b).toHaveLength(2);
    expect(b[0]).toMatchObject({ count: 2, mark: { id: "b" } });
    expect(b[1].mark.id).toBe("c");
  });
});
