/** Letters, marks and digits: what words are made of (a lexicon's entries match whole words only). */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
