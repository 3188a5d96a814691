// punycode.js ships no types. It is imported by file because `punycode` alone resolves to
// Node's deprecated built-in module under Node (vitest, the server, benches).
declare module 'punycode/punycode.es6.js' {
  /** RFC 3492: the Unicode code points of a punycode string (without its `xn--` prefix). */
  export function decode(input: string): string;
}
