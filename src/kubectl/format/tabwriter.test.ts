// Layout rules of Go's text/tabwriter (column blocks, padding, minwidth), as used by kubectl get
// (cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3) and describe (tabbedString: padding 2).
import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from "./tabwriter";

describe("tabwrite", () => {
  it("pads each column to its widest cell plus 3, leaving the last column unpadded", () => {
    const text = "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-7d4b9c8f5-x2x9k\t1/1\tRunning\t0\t5m\n";
    expect(tabwrite(text, GET_TABWRITER)).toBe(
      "NAME                  READY   STATUS    RESTARTS   AGE\n" +
        "web-7d4b9c8f5-x2x9k   1/1     Running   0          5m\n",
    );
  });

  it("applies kubectl's minimum column width of 6", () => {
    expect(tabwrite("A\tB\n1\t2\n", GET_TABWRITER)).toBe("A     B\n1     2\n");
  });

  it("aligns describe fields within a block and restarts after a single-cell line", () => {
    const text =
      "Name:\tweb\nNamespace:\tdefault\nContainers:\n  nginx:\n    Image:\tnginx\nEvents:\t<none>\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      "Name:       web\nNamespace:  default\nContainers:\n  nginx:\n    Image:  nginx\nEvents:     <none>\n",
    );
  });

  it("pads empty cells (describe node's double tab) to the column width", () => {
    const text = "  Namespace\tName\t\tCPU\n  ---------\t----\t\t---\n  default\tweb\t\t100m\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      "  Namespace  Name    CPU\n  ---------  ----    ---\n  default    web     100m\n",
    );
  });

  it("keeps text without a trailing newline", () => {
    expect(tabwrite("a\tb", GET_TABWRITER)).toBe("a     b");
  });
});
