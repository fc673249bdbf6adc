// Nearest-name suggestions for unknown keys, names and values.

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The candidate closest to `word`, when it is a plausible typo (edit distance at most a third of
 * the word's length, minimum 1) or a shortening (one starts or ends with the other). Ties go to the first
 * candidate in sorted order. Words under three characters get no suggestion.
 */
function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 3) return undefined; // any short word is "close" to another; no useful guess
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const d = distance(word, candidate);
    const other = candidate.toLowerCase();
    const shortening = lower.length >= 3 && (other.startsWith(lower) || other.endsWith(lower) || lower.startsWith(other) || lower.endsWith(other));
    if (d < bestDistance && (d <= limit || shortening)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Report options carrying the did-you-mean for `word`, if there is one. */
export function suggest(word: string, candidates: Iterable<string>): { suggestion?: string } {
  const suggestion = didYouMean(word, candidates);
  return suggestion === undefined ? {} : { suggestion };
}
