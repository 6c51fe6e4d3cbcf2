import { describe, expect, it } from "vitest";
import { AssessmentError } from "../../errors/AssessmentError.js";
import { fromDecidimProposals, type FromDecidimProposalsOptions } from "./fromDecidimProposals.js";

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError)
      return e.issues.map((i) => `${i.code} ${JSON.stringify(i.path)}: ${i.message}`);
    throw e;
  }
  throw new Error("expected an AssessmentError");
}

const solution = (
  record: Record<string, unknown>,
  options: Partial<FromDecidimProposalsOptions> = {},
) =>
  fromDecidimProposals([{ id: 1, title: "T", ...record }], { as: "solutions", ...options })
    .solutions?.[0];

describe("fromDecidimProposals: options", () => {
  it("checks every option at once, and the records' list", () => {
    expect(
      issuesOf(() =>
        fromDecidimProposals({} as unknown as [], {
          as: "needs",
          readiness: "ready" as "idea",
          locale: "",
          idPrefix: 7 as unknown as string,
        }),
      ),
    ).toStrictEqual([
      'invalid_value ["options","readiness"]: readiness must be one of idea, concept, prepared, piloted, deployed, got "ready"',
      'invalid_type ["options","locale"]: locale must be a language code such as bg',
      'invalid_type ["options","idPrefix"]: idPrefix must be a string',
      'invalid_type ["records"]: records must be an array of proposals',
    ]);
  });

  it("refuses missing options as a missing target", () => {
    expect(
      issuesOf(() => fromDecidimProposals([], undefined as unknown as FromDecidimProposalsOptions)),
    ).toStrictEqual([
      'invalid_value ["options","as"]: as must be "solutions" or "needs", got "undefined"',
    ]);
  });

  it("writes the given prefix and readiness", () => {
    expect(solution({}, { idPrefix: "p:", readiness: "piloted" })).toStrictEqual({
      id: "p:1",
      title: "T",
      description: "Source: Decidim proposal 1",
      readiness: "piloted",
    });
  });
});

describe("fromDecidimProposals: records", () => {
  it("refuses a proposal that is not an object, a title that is not text, and a yes/no vote count", () => {
    expect(
      issuesOf(() =>
        fromDecidimProposals(
          [null, ["x"], { id: 3, title: 42 }, { id: 4, title: "Four", votes: false }] as never,
          { as: "needs" },
        ),
      ),
    ).toStrictEqual([
      'invalid_type ["records",0]: proposal 1 is not an object',
      'invalid_type ["records",1]: proposal 2 is not an object',
      'missing_field ["records",2,"title"]: proposal 3 ("3") has no title in any language',
      'invalid_value ["records",3,"votes"]: proposal 4 ("4"): the vote count must be a whole number ≥ 0, got "false"',
    ]);
  });

  it("gives a solution without a body its source line alone, with its support count", () => {
    expect(solution({ supports: 1 })?.description).toBe("Source: Decidim proposal 1 (1 support)");
    expect(solution({ votes: "", supports: "5" })?.description).toBe(
      "Source: Decidim proposal 1 (5 supports)",
    );
  });

  it("skips Decidim's machine translations when it looks for a title in another language", () => {
    expect(
      solution(
        { title: { machine_translations: { bg: "Машинен" }, fr: "Titre" } },
        { locale: "bg" },
      )?.title,
    ).toBe("Titre");
  });

  it("reads flattened keys next to empty or plain values: a plain value stays, an empty one gives way", () => {
    const s = solution({
      title: "Plain title",
      "title/en": "Flattened title",
      category: "",
      "category/name/en": "Mobility",
      scope: null,
      "scope/name/en": "Lozenets",
    });
    expect(s?.title).toBe("Plain title");
    expect(s?.theme).toBe("Mobility / Lozenets");
    // a nested key read first wins over a plain one after it
    const nestedFirst = fromDecidimProposals([{ id: 2, "title/en": "Nested", title: "Plain" }], {
      as: "needs",
    }).needs?.[0]?.statement;
    expect(nestedFirst).toBe("Nested\n\nSource: Decidim proposal 2");
  });

  it("reads taxonomies written as text, and a taxonomy with several names", () => {
    expect(solution({ taxonomies: "Green spaces, Lozenets" })?.theme).toBe(
      "Green spaces / Lozenets",
    );
    expect(
      solution({ taxonomies: { name: [{ en: "Mobility" }, { en: "Mladost, Lozenets" }] } })?.theme,
    ).toBe("Mobility / Mladost / Lozenets");
  });

  it("keeps an entity it does not know, and a character reference outside Unicode, as written", () => {
    expect(solution({ body: "a &foo; b &#0; c &#x110000; d &AMP;" })?.description).toBe(
      "a &foo; b &#0; c &#x110000; d &\n\nSource: Decidim proposal 1",
    );
  });

  it("cuts a long title without splitting a character made of two code units", () => {
    const emoji = solution({ title: `${"x".repeat(298)}😀${"y".repeat(10)}` })?.title;
    expect(emoji).toBe(`${"x".repeat(298)}…`);
    const wide = solution({ title: `${"x".repeat(298)}\uFF01${"y".repeat(10)}` })?.title;
    expect(wide).toBe(`${"x".repeat(298)}\uFF01…`);
    expect(wide).toHaveLength(300);
  });
});
