import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Bytes, sha256Hex } from "./sha256.js";

describe("sha256Hex", () => {
  // FIPS 180-4 examples (NIST CSRC "Examples with intermediate values": SHA256.pdf, SHA256_2.pdf)
  // and the empty string (NIST SHAVS short-message vectors, Len = 0).
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    [
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
  ])("matches the published vector for %j", (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it("matches the published vector for one million 'a' (FIPS 180-4 example 3)", () => {
    expect(sha256Hex("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("hashes the UTF-8 bytes of non-ASCII text", () => {
    // "София" is 10 UTF-8 bytes; the digest is node's for the same bytes
    expect(sha256Hex("София")).toBe(createHash("sha256").update("София", "utf8").digest("hex"));
  });

  it("agrees with node:crypto at every padding boundary and on random bytes", () => {
    for (let n = 50; n <= 130; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256Bytes(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Bytes(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
      { numRuns: 200 },
    );
  });
});
