/** Suggest the closest known name for a mistyped one, for "did you mean" errors in every layer. */

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The known name nearest to `input`, or undefined when none is plausibly meant. */
export function didYouMean(input: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    // A containment shortcut only for inputs long enough to mean something.
    const contains = input.length >= 3 && (name.includes(input) || input.includes(name));
    const d = contains ? 1 : editDistance(input, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** An error message for an unknown name: the name, a suggestion if any, and the allowed names. */
export function unknownNameMessage(what: string, input: string, known: readonly string[]): string {
  const guess = didYouMean(input, known);
  return `unknown ${what} "${input}"${guess ? ` (did you mean "${guess}"?)` : ""}; choose one of: ${known.join(", ")}`;
}
