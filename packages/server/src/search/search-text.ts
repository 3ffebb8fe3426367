import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';

/**
 * Turning Chinese text into search words, the same way for the index and for a
 * query, so that both databases can match whole words:
 * 1. traditional script → simplified (電梯 → 电梯), so either script finds both;
 * 2. jieba in search mode (电梯, 漏水 stay whole; long words add their parts);
 * 3. every CJK word longer than two characters also adds its character pairs and
 *    characters, so "坏了" and "灯" find "又坏了" and "灯不亮", which jieba keeps whole.
 * Punctuation and whitespace are dropped; Latin letters are lower-cased.
 */
// Exported so other text features (complaint matching) share the one loaded dictionary.
export const jieba = Jieba.withDict(dict);
export const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const CJK_ONLY = /^[\p{Script=Han}]+$/u;

export function normaliseForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/**
 * jieba leaves unknown phrases as single characters (坏 · 了); consecutive single
 * Han characters are joined back into one run so that pairs can be taken from it
 * on both sides of the match.
 */
function joinSingleCharacterRuns(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const token of tokens) {
    if (token.length === 1 && CJK_ONLY.test(token)) {
      run += token;
      continue;
    }
    if (run) out.push(run);
    run = '';
    if (WORD_CHARACTER.test(token)) out.push(token);
  }
  if (run) out.push(run);
  return out;
}

function words(text: string): string[] {
  return joinSingleCharacterRuns(jieba.cutForSearch(normaliseForSearch(text), true));
}

function characterPairs(word: string): string[] {
  if (word.length < 2 || !CJK_ONLY.test(word)) return [];
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= word.length; i++) pairs.push(word.slice(i, i + 2));
  return pairs;
}

/** Words to index for a record; `wholeValues` (a name, a unit, a number) are also kept intact. */
export function indexTokens(texts: readonly (string | null | undefined)[], wholeValues: readonly (string | null | undefined)[] = []): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) {
      tokens.add(word);
      if (word.length > 2) {
        for (const pair of characterPairs(word)) tokens.add(pair);
        // Long words are often jieba's guesses (灯不亮); their characters keep "灯" findable.
        if (CJK_ONLY.test(word)) for (const character of word) tokens.add(character);
      }
    }
  }
  for (const value of wholeValues) {
    const whole = value ? normaliseForSearch(value).replace(/\s+/g, '') : '';
    if (whole) tokens.add(whole);
  }
  return [...tokens];
}

/** Words a query must all match. Uses plain segmentation so "3号楼电梯" needs 3 · 号楼 · 电梯. */
export function queryTokens(query: string): string[] {
  const tokens: string[] = [];
  for (const word of joinSingleCharacterRuns(jieba.cut(normaliseForSearch(query), true))) {
    // A run of single characters is matched by its pairs, which the index holds.
    const pairs = word.length > 1 && !jieba.cut(word, true).includes(word) ? characterPairs(word) : [];
    tokens.push(...(pairs.length > 0 ? pairs : [word]));
  }
  return [...new Set(tokens)].slice(0, 16);
}

/** The words a work order is found by: its text, unit and customer, plus number, name and unit whole. */
export function workOrderTokens(order: { description: string; unit: string | null; number: string }, customerName: string | null | undefined): string[] {
  return indexTokens([order.description, order.unit, customerName], [order.number, customerName, order.unit]);
}
