/**
 * Deterministic ordering helpers. Every sort in the library ends its tie-break in a stable id
 * compared by UTF-16 code units (never `localeCompare`, whose order depends on the host's ICU data).
 */

/** Compares two ids by code units. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Standard competition ranks ("1224"): rank 1 for the best value, equal values share the lowest
 * rank of their group. Ranks are computed on the unrounded values.
 *
 * @param values - the values to rank (finite numbers)
 * @param order - `"desc"` when larger is better (default), `"asc"` when smaller is better
 */
export function competitionRanks(
  values: readonly number[],
  order: "desc" | "asc" = "desc",
): number[] {
  const idx = values.map((_, i) => i);
  const sign = order === "desc" ? -1 : 1;
  idx.sort((i, j) => sign * ((values[i] as number) - (values[j] as number)) || i - j);
  const ranks = new Array<number>(values.length);
  let prevRank = 0;
  let prevValue = Number.NaN;
  idx.forEach((i, pos) => {
    const v = values[i] as number;
    if (pos === 0 || v !== prevValue) prevRank = pos + 1;
    ranks[i] = prevRank;
    prevValue = v;
  });
  return ranks;
}

/**
 * Order of indices by rank, then by id: the deterministic presentation order of a ranking.
 */
export function orderByRankThenId(ranks: readonly number[], ids: readonly string[]): number[] {
  return ranks
    .map((_, i) => i)
    .sort(
      (i, j) =>
        (ranks[i] as number) - (ranks[j] as number) ||
        compareIds(ids[i] as string, ids[j] as string),
    );
}
