/** "Did you mean …?" for ids and names editors mistype. */

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate closest to `input`, if any is close enough to be a plausible slip. */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.trim().toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const score = hay.includes(needle) || needle.includes(hay) ? Math.abs(hay.length - needle.length) * 0.5 : editDistance(needle, hay);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const tolerance = Math.max(2, Math.ceil(needle.length / 3));
  return bestScore <= tolerance ? best : undefined;
}
