/**
 * Service language (DOMAIN.md §6): standard phrases by moment, the forbidden /
 * non-standard phrase lexicon and its checker, and quality inspection of
 * transcripts. Pure: the traditional → simplified converter is passed in.
 */
export {
  PHRASE_GROUPS,
  type PhraseGroup,
  type PhraseSeverity,
  type MatchScope,
  type PhraseRule,
  type PhraseHit,
  type SeedId,
  type SeedRef,
} from './types.js';
export { FORBIDDEN_LEXICON } from './forbidden-lexicon.seed.js';
export { APOLOGY_SOFTENERS, DEFAULT_CLAUSE_LEADS, DEFAULT_MODAL_PARTICLES } from './context-rules.js';
export {
  createPhraseChecker,
  naiveIncludesScan,
  LexiconError,
  type LexiconErrorCode,
  type PhraseChecker,
  type PhraseCheckerOptions,
} from './phrase-checker.js';
export { createTextNormalizer, type NormalizedText, type TextNormalizer, type ToSimplified } from './text-normalizer.js';
export { buildAutomaton, type Automaton } from './aho-corasick.js';
export { PHRASE_MOMENTS, STANDARD_PHRASES, type PhraseMoment, type StandardPhrase } from './standard-phrases.seed.js';
export {
  renderPhrase,
  phrasesFor,
  festivalGreeting,
  festivalVariant,
  MissingPhraseVariableError,
  type PhraseVariables,
} from './standard-phrases.js';
export {
  DEFAULT_QUALITY_SETTINGS,
  QUALITY_CHECKS,
  type Conversation,
  type TranscriptTurn,
  type Speaker,
  type QualityCheck,
  type QualityFinding,
  type QualityMarkers,
  type QualitySettings,
  type QualityReport,
  type CheckOutcome,
} from './quality-settings.js';
export { inspectConversation } from './quality-inspection.js';
