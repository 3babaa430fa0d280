/** `$(( … ))`: integer arithmetic with variables, + - * / % comparisons, && || and parentheses. */

export function evalArith(expr: string, lookup: (name: string) => string | undefined): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const num = (name: string) => {
    const v = Number.parseInt(lookup(name) ?? "0", 10);
    return Number.isNaN(v) ? 0 : v;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return 0;
    if (t === "(") {
      const v = or();
      if (peek() === ")") i++;
      return v;
    }
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "!") return primary() === 0 ? 1 : 0;
    if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
    return num(t);
  };
  const mul = (): number => {
    let v = primary();
    while (peek() === "*" || peek() === "/" || peek() === "%") {
      const op = toks[i++];
      const r = primary();
      if (op === "*") v = Math.imul(v, r);
      else if (r === 0) throw new Error("division by zero");
      else v = op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (peek() === "+" || peek() === "-") v = toks[i++] === "+" ? v + mul() : v - mul();
    return v;
  };
  const cmp = (): number => {
    let v = add();
    for (;;) {
      const op = peek();
      if (op !== "<" && op !== ">" && op !== "<=" && op !== ">=" && op !== "==" && op !== "!=") return v;
      i++;
      const r = add();
      const res = op === "<" ? v < r : op === ">" ? v > r : op === "<=" ? v <= r : op === ">=" ? v >= r : op === "==" ? v === r : v !== r;
      v = res ? 1 : 0;
    }
  };
  const and = (): number => {
    let v = cmp();
    while (peek() === "&&") {
      i++;
      const r = cmp();
      v = v !== 0 && r !== 0 ? 1 : 0;
    }
    return v;
  };
  const or = (): number => {
    let v = and();
    while (peek() === "||") {
      i++;
      const r = and();
      v = v !== 0 || r !== 0 ? 1 : 0;
    }
    return v;
  };
  return or();
}
