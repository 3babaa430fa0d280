// apimachinery labels.FormatLabels / metav1.FormatLabelSelector / Selector.String().
import { describe, expect, it } from "vitest";
import { formatLabelSelector, formatLabels, selectorString } from "./labels";

describe("labels", () => {
  it("formats labels sorted, <none> when empty", () => {
    expect(formatLabels({ tier: "web", app: "shop" })).toBe("app=shop,tier=web");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabels(undefined)).toBe("<none>");
  });
  it("formats selectors with expressions", () => {
    const sel = {
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "env", operator: "In" as const, values: ["prod", "dev"] },
        { key: "canary", operator: "DoesNotExist" as const },
        { key: "zone", operator: "Exists" as const },
      ],
    };
    expect(selectorString(sel)).toBe("app=web,!canary,env in (dev,prod),zone");
  });
  it("uses <none> only for FormatLabelSelector", () => {
    expect(selectorString({})).toBe("");
    expect(formatLabelSelector({})).toBe("<none>");
  });
});
