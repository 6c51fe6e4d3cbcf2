import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist",
      "coverage",
      "docs",
      ".pack",
      "out",
      "node_modules",
      "schema",
      "test/.doctest",
      ".tmp",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // tests poke at raw JSON documents
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // computation code is pure: no node: imports, no clock, no randomness, no zod at runtime
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/schema/**", "src/**/*.test.ts", "src/**/*.test-d.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "only src/cli/ does I/O" },
            {
              group: ["zod", "zod/*"],
              allowTypeImports: true,
              message: "only src/schema/ imports zod at runtime",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "take a seed" },
        { object: "Date", property: "now", message: "time comes in as an argument" },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "computation code reads no environment" },
      ],
    },
  },
);
