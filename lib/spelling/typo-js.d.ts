// typo-js ships no types. This declares the part Texto uses: the public check/suggest API and
// the loaded tables the build step reads to expand a Hunspell dictionary once, at build time.
declare module 'typo-js' {
  class Typo {
    constructor(dictionary: string, affData: string, wordsData: string, settings?: Record<string, unknown>);
    check(word: string): boolean;
    checkExact(word: string): boolean;
    suggest(word: string, limit?: number): string[];
    hasFlag(word: string, flag: string, wordFlags?: string[]): boolean;
    /** Every word form the affix rules produce, with the flag sets of the entries that listed it. */
    dictionaryTable: Map<string, string[][] | null>;
    /** The affix file's single-value directives (KEEPCASE, NOSUGGEST, COMPOUNDMIN…). */
    flags: Record<string, string | undefined>;
    /** After loading: one case-insensitive, anchored expression per COMPOUNDRULE. */
    compoundRules: RegExp[];
  }
  export default Typo;
}
