/** cobra's command suggestions: Levenshtein distance ≤ 2 (case-insensitive) or a prefix match. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export function suggestionsFor(typed: string, candidates: readonly string[], minDistance = 2): string[] {
  const t = typed.toLowerCase();
  return candidates.filter((c) => {
    const lc = c.toLowerCase();
    return levenshtein(t, lc) <= minDistance || lc.startsWith(t);
  });
}
