import { describe, expect, it } from "vitest";
import { start } from "./testSupport";

/** Runs a script synchronously through exec in a sleeping busybox container. */
function run(script: string, env: Record<string, string> = {}): { exitCode: number; output: string } {
  const s = start("busybox", { command: ["sleep", "infinity"], env });
  const r = s.proc.exec(["sh", "-c", script]);
  if (r.kind !== "exited") throw new Error(r.kind);
  return { exitCode: r.exitCode, output: r.output };
}

describe("shell syntax", () => {
  it("branches with if / elif / else and test", () => {
    expect(run("if [ -f /etc/hostname ]; then echo yes; else echo no; fi").output).toBe("yes\n");
    expect(run('X=2; if [ "$X" = 1 ]; then echo one; elif [ "$X" = 2 ]; then echo two; else echo many; fi').output).toBe("two\n");
    expect(run("! false && echo negated").output).toBe("negated\n");
  });

  it("redirects to files, appends, and sends stderr along with 2>&1", () => {
    expect(run("echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f").output).toBe("a\nb\n");
    expect(run("cat /nope 2>/dev/null; echo rc=$?").output).toBe("rc=1\n");
    expect(run("cat < /etc/hostname").output).toBe("web-0\n");
  });

  it("pipes stdout into the next command", () => {
    expect(run("echo piped | cat").output).toBe("piped\n");
  });

  it("expands $0, positional args, ${VAR:-default}, backticks and printf", () => {
    expect(run("echo `hostname` ${UNSET:-d} $HOSTNAME").output).toBe("web-0 d web-0\n");
    expect(run('printf "%s=%d\\n" a 1 b 2').output).toBe("a=1\nb=2\n");
  });

  it("splits unquoted expansions into fields but keeps quoted ones whole", () => {
    expect(run('L="a b c"; for w in $L; do echo "[$w]"; done; for w in "$L"; do echo "[$w]"; done').output).toBe("[a]\n[b]\n[c]\n[a b c]\n");
  });

  it("exits with exit N from inside loops and groups", () => {
    expect(run("while true; do { echo in; exit 4; }; done")).toEqual({ exitCode: 4, output: "in\n" });
    expect(run("(exit 3); echo after $?").output).toBe("after 3\n");
  });

  it("lists and removes files, with busybox wording", () => {
    expect(run("mkdir -p /data/x; touch /data/a; ls /data").output).toBe("a\nx\n");
    expect(run("rm /data/none")).toEqual({ exitCode: 1, output: "rm: can't remove '/data/none': No such file or directory\n" });
  });
});
