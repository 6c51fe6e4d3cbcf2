import { failAt } from "../_lib/assert.js";
import { readChoice, readNumber, type NumberRange } from "./_shared.js";

/** Names of the published random-index tables an AHP consistency ratio can be computed with. */
export const randomIndexTableNames = [
  "saaty1980",
  "saaty2005",
  "alonsoLamata2006",
  "doneganDodd1991",
] as const;

/** A published random-index table name. */
export type RandomIndexTableName = (typeof randomIndexTableNames)[number];

/** A random-index table as data: RI by matrix order n, with its source. */
export interface RandomIndexTable {
  /** The table's name, as accepted by `ahpWeights`' `randomIndex` option. */
  readonly name: RandomIndexTableName;
  /** RI by n (the keys are the tabulated orders; n = 1 and 2 are always 0). */
  readonly values: Readonly<Record<number, number>>;
  /** The published source. */
  readonly source: string;
  /** What a reader should know about the transcription. */
  readonly caveat?: string;
}

/** Table rows 1…n as a record (pure: marked so, bundlers drop the tables where unused). */
function byN(values: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  values.forEach((v, i) => {
    out[i + 1] = v;
  });
  return out;
}

/**
 * The four published random-index (RI) tables, as data with their sources. RI[n] is the mean
 * consistency index of random reciprocal n × n matrices on the 1–9 scale; CR = CI / RI[n]. The
 * tables differ (they were simulated differently), so a consistency ratio must say which one it
 * used.
 *
 * - `saaty1980` (n = 1–15): Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill, as
 *   reproduced in CRAN AHPWR and Hackage hahp. This widely copied version has RI[12] = 1.48 (not
 *   monotone); some copies print 1.54 for n = 12. This library uses 1.48, as the copies cited do.
 * - `saaty2005` (n = 1–15): Saaty (2005), Theory and Applications of the Analytic Network Process,
 *   RWS Publications, p. 31, as used by AHPy and ahpsurvey.
 * - `alonsoLamata2006` (n = 1–15): Alonso & Lamata (2006), "Consistency in the analytic hierarchy
 *   process: a new approach", IJUFKS 14(4):445–459 (100,000 matrices per n).
 * - `doneganDodd1991` (n = 1–20, then 25, 30, 40, …, 100): Donegan & Dodd (1991), "A note on
 *   Saaty's random indexes", Math. Comput. Modelling 15(10):135–137, as tabulated by AHPy.
 *
 * @example
 * ```ts
 * import { randomIndexTables } from "icc-assessment/prioritisation";
 * randomIndexTables.saaty1980.values[7]; // => 1.32
 * randomIndexTables.doneganDodd1991.values[25]; // => 1.5619
 * ```
 */
export const randomIndexTables: Readonly<Record<RandomIndexTableName, RandomIndexTable>> = {
  saaty1980: {
    name: "saaty1980",
    values: /* @__PURE__ */ byN([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]),
    source:
      "Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill; as reproduced in CRAN package AHPWR (R/CR.R) and Hackage package hahp (HAHP/Algorithm/Consistency.hs)",
    caveat:
      "n = 12 is 1.48 (not monotone) in this widely copied version; some copies print 1.54. Not checked against the 1980 book itself.",
  },
  saaty2005: {
    name: "saaty2005",
    values: /* @__PURE__ */ byN([
      0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59,
    ]),
    source:
      "Saaty, T.L. (2005) Theory and Applications of the Analytic Network Process, RWS Publications, p. 31; as used by AHPy (random_index='saaty') and ahpsurvey",
  },
  alonsoLamata2006: {
    name: "alonsoLamata2006",
    values: /* @__PURE__ */ byN([
      0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
      1.5713, 1.5838,
    ]),
    source:
      "Alonso, J.A. & Lamata, M.T. (2006) Consistency in the analytic hierarchy process: a new approach, Int. J. of Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445-459 (100,000 matrices per n)",
    caveat: "secondary transcription (findRI(), J. H. Bae 2013); not checked against the paper",
  },
  doneganDodd1991: {
    name: "doneganDodd1991",
    values: {
      1: 0,
      2: 0,
      3: 0.4914,
      4: 0.8286,
      5: 1.0591,
      6: 1.1797,
      7: 1.2519,
      8: 1.3171,
      9: 1.3733,
      10: 1.4055,
      11: 1.4213,
      12: 1.4497,
      13: 1.4643,
      14: 1.4822,
      15: 1.4969,
      16: 1.5078,
      17: 1.5153,
      18: 1.5262,
      19: 1.5313,
      20: 1.5371,
      25: 1.5619,
      30: 1.5772,
      40: 1.5976,
      50: 1.6102,
      60: 1.6178,
      70: 1.6237,
      80: 1.6277,
      90: 1.6213,
      100: 1.6339,
    },
    source:
      "Donegan, H.A. & Dodd, F.J. (1991) A note on Saaty's Random Indexes, Math. Comput. Modelling 15(10):135-137; as tabulated in AHPy (random_index='dd')",
    caveat:
      "tabulated only at n = 25, 30, 40, …, 100 above n = 20; other orders are not interpolated",
  },
};

/** A matrix order: a whole number from 1 (below 1 is `invalid_value`, as a fraction is). */
const ORDER: NumberRange = { min: 1, integer: true, lowCode: "invalid_value" };

/**
 * The random index RI[n] of a published table, for an AHP matrix of order `n`.
 *
 * Rule: look `n` up in the named table ({@link randomIndexTables}); n = 1 and n = 2 give 0 in
 * every table (such matrices are always consistent). An order the table does not list is an error,
 * never an interpolation: the published tables stop at n = 15 (Saaty, Alonso–Lamata) or have gaps
 * above 20 (Donegan–Dodd), and an invented RI would make an invented CR. Designed by this project
 * (docs/methodology/prioritisation.md, AHP).
 *
 * @param n - the order of the comparison matrix (a whole number ≥ 1)
 * @param table - the table's name; default `"saaty1980"`
 * @returns RI[n]
 * @throws AssessmentError `invalid_type` / `non_finite` / `invalid_value` when `n` is not a whole
 *   number ≥ 1 or `table` is not a table name; `out_of_range` when the table has no value for `n`
 * @example
 * ```ts
 * import { randomIndex } from "icc-assessment/prioritisation";
 * randomIndex(4); // => 0.9
 * randomIndex(4, "alonsoLamata2006"); // => 0.8815
 * ```
 */
export function randomIndex(n: number, table: RandomIndexTableName = "saaty1980"): number {
  readNumber(n, ["n"], "n", ORDER);
  const name = readChoice(table, randomIndexTableNames, "saaty1980", ["table"], "table");
  const t = randomIndexTables[name];
  const v = t.values[n];
  if (v === undefined) {
    const orders = Object.keys(t.values).map(Number);
    failAt(
      "out_of_range",
      ["n"],
      `the ${name} random-index table has no value for n = ${n} (it lists n = ${orders[0]}–${orders.at(-1)}${
        name === "doneganDodd1991" ? " with gaps above 20" : ""
      }); no value is interpolated`,
    );
  }
  return v;
}
