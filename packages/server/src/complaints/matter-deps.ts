import type { MatterDeps } from '@huiyin/domain';
import { jieba, toSimplified } from '../search/search-text.js';

/**
 * Segmentation and script folding for "same matter" comparisons, on the same
 * jieba instance as search: the dictionary is large and loaded once per process.
 */
export const matterDeps: MatterDeps = {
  segment: (text) => jieba.cut(text, true),
  toSimplified,
};
