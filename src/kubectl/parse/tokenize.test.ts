// A command line split as a POSIX shell would (quotes, escapes, heredoc markers) before kubectl sees it.
import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize";

const words = (line: string) => {
  const r = tokenize(line);
  if (!r.ok) throw new Error(r.message);
  return r.words;
};

describe("tokenize", () => {
  it("splits on blanks and keeps key=value words whole", () => {
    expect(words("kubectl  get pods\t-l app=web")).toEqual(["kubectl", "get", "pods", "-l", "app=web"]);
  });
  it("handles single quotes literally and double quotes with escapes", () => {
    expect(words(`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`)).toEqual(["kubectl", "get", "pods", "-o", "jsonpath={.items[*].metadata.name}"]);
    expect(words(`echo "a \\"b\\" \\$c \\n"`)).toEqual(["echo", 'a "b" $c \\n']);
    expect(words(`a 'it''s' b`)).toEqual(["a", "its", "b"]);
  });
  it("joins adjacent quoted parts and honours backslash escapes", () => {
    expect(words(`--from-literal=key="hello world"`)).toEqual(["--from-literal=key=hello world"]);
    expect(words(`a\\ b c`)).toEqual(["a b", "c"]);
  });
  it("recognises heredocs with any delimiter and quoting", () => {
    expect(tokenize("kubectl apply -f - <<EOF")).toEqual({ ok: true, words: ["kubectl", "apply", "-f", "-"], heredoc: { delimiter: "EOF", stripTabs: false } });
    expect(tokenize("kubectl apply -f - << 'END'")).toMatchObject({ heredoc: { delimiter: "END" } });
    expect(tokenize(`kubectl apply -f - <<-"YAML"`)).toMatchObject({ heredoc: { delimiter: "YAML", stripTabs: true } });
  });
  it("treats # as a comment only at a word start", () => {
    expect(words("kubectl get pods # list them")).toEqual(["kubectl", "get", "pods"]);
    expect(words("a#b")).toEqual(["a#b"]);
  });
  it("reports unterminated quotes and unsupported shell syntax", () => {
    expect(tokenize(`kubectl get "pods`)).toEqual({ ok: false, message: "unterminated quoted string" });
    expect(tokenize(`kubectl get pods | grep web`)).toMatchObject({ ok: false });
    expect(tokenize(`kubectl apply -f - <<`)).toEqual({ ok: false, message: "heredoc delimiter missing after <<" });
  });
});
