/**
 * Injection payloads for the report renderers: script tags, event-handler attributes, `javascript:`
 * and `data:` URLs, closing tags that try to leave a text context, Markdown link and image tricks,
 * block injection through line breaks, and resource loads that would make a network request.
 * Used by src/report/injection.test.ts (unit) and test/browser/report.test.ts (real browser).
 * Payloads that would run code call `alert` or set `window.__xss`; the browser test fails on either.
 */
export const injectionPayloads: readonly string[] = [
  "<script>window.__xss = 1; alert(1)</script>",
  '<img src=x onerror="window.__xss = 2; alert(2)">',
  '<svg onload="window.__xss = 3"><circle r=5 /></svg>',
  '"><script>window.__xss = 4</script>',
  "'><img src=x onerror=alert(5)>",
  "</title><script>window.__xss = 6</script>",
  "</style><script>window.__xss = 7</script>",
  "</text></svg><script>window.__xss = 8</script>",
  "javascript:alert(9)",
  "[click me](javascript:alert(10))",
  "![x](javascript:alert(11))",
  '<a href="javascript:alert(12)">a link</a>',
  "[ref]: javascript:alert(13)",
  "<javascript:alert(14)>",
  '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNSk8L3NjcmlwdD4="></iframe>',
  '<details open ontoggle="window.__xss = 16">x</details>',
  "<!-- x --><script>window.__xss = 17</script>",
  "&lt;script&gt;window.__xss = 18&lt;/script&gt;",
  "[x](data:text/html,<script>alert(19)</script>)",
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 20">',
  "<svg><foreignObject><script>window.__xss = 21</script></foreignObject></svg>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(22)">',
  '<link rel=stylesheet href="http://evil.example/x.css">',
  '<img src="https://evil.example/beacon.png">',
  "<style>@import url(https://evil.example/y.css); body { display: none }</style>",
  "| a | b |\n|---|---|\n| <script>alert(26)</script> | x |",
  "# heading\n\n<script>alert(27)</script>\n\n[x](javascript:alert(27))",
  "`code` **bold** _em_ ~~strike~~ $x$",
  "]]><script>window.__xss = 29</script>",
  "Sofia \u202Eevil\u202C text",
  '<object data="javascript:alert(31)"></object>',
  '<form action="javascript:alert(32)"><button>go</button></form>',
  "1. not a list\n- nor this",
  '<base href="https://evil.example/">',
];
