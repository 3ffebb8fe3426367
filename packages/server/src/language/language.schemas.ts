import { PHRASE_GROUPS, PHRASE_MOMENTS } from '@huiyin/domain';
import { Type } from 'typebox';
import { Id, Line, Nullable, Text } from '../http/schema-helpers.js';

/** Longest text the live check takes: a long reply or letter, far below the body limit. */
export const MAX_CHECK_TEXT = 20_000;

export const Moment = Type.Union(PHRASE_MOMENTS.map((m) => Type.Literal(m)));
export const Group = Type.Union(PHRASE_GROUPS.map((g) => Type.Literal(g)));
const Severity = Type.Union([Type.Literal('forbidden'), Type.Literal('nonStandard')]);
const Scope = Type.Union([Type.Literal('anywhere'), Type.Literal('clauseStart'), Type.Literal('wholeClause')]);
const Words = Type.Array(Line(200), { maxItems: 50 });

export const CheckBody = Type.Object({ text: Text(MAX_CHECK_TEXT) }, { additionalProperties: false });

export const Hit = Type.Object({
  phrase: Type.String(),
  category: Type.String({ description: 'The lexicon group: 蔑视语, 烦躁语, 否定语, 斗气语, 模糊用语, 口头禅, 不规范用语' }),
  severity: Type.String(),
  start: Type.Integer({ description: 'First UTF-16 code unit of the match in the text as sent' }),
  end: Type.Integer({ description: 'One past the last code unit' }),
  rule: Type.String({ description: 'The lexicon rule key' }),
  suggestion: Type.String({ description: 'The standard phrase to say instead' }),
  matchedText: Type.String(),
});

export const CheckResult = Type.Object({ lexiconVersion: Type.Integer(), hits: Type.Array(Hit) });

export const LexiconRule = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  phrase: Type.String(),
  group: Type.String(),
  severity: Type.String(),
  suggestion: Type.String(),
  patterns: Nullable(Type.Array(Type.String())),
  scope: Type.String(),
  exceptions: Type.Array(Type.String()),
  unlessAfter: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  sources: Type.Array(Type.Object({ seed: Type.String(), at: Type.String() })),
  enabled: Type.Boolean(),
  version: Type.Integer(),
});

export const LexiconList = Type.Object({ version: Type.Integer({ description: 'Lexicon version; every edit bumps it' }), items: Type.Array(LexiconRule) });

export const LexiconQuery = Type.Object({ group: Type.Optional(Group) }, { additionalProperties: false });

const ruleFields = {
  phrase: Line(200),
  group: Group,
  severity: Type.Optional(Severity),
  suggestion: Line(500),
  patterns: Type.Optional(Nullable(Words)),
  scope: Type.Optional(Scope),
  exceptions: Type.Optional(Words),
  unlessAfter: Type.Optional(Words),
  note: Type.Optional(Nullable(Text(1000))),
  enabled: Type.Optional(Type.Boolean()),
};

export const CreateRuleBody = Type.Object(ruleFields, { additionalProperties: false });

export const UpdateRuleBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    phrase: Type.Optional(ruleFields.phrase),
    group: Type.Optional(Group),
    severity: ruleFields.severity,
    suggestion: Type.Optional(ruleFields.suggestion),
    patterns: ruleFields.patterns,
    scope: ruleFields.scope,
    exceptions: ruleFields.exceptions,
    unlessAfter: ruleFields.unlessAfter,
    note: ruleFields.note,
    enabled: ruleFields.enabled,
  },
  { additionalProperties: false },
);

export const PhraseQuery = Type.Object(
  {
    moment: Type.Optional(Moment),
    customer: Type.Optional(Type.String({ maxLength: 50, description: 'Fills {customer}, e.g. 王先生' })),
    siteId: Type.Optional(Id),
    includeDisabled: Type.Optional(Type.Boolean({ description: 'Also list switched-off phrases (enabled: false), for the library page; needs language.configure' })),
  },
  { additionalProperties: false },
);

export const Phrase = Type.Object({
  id: Type.Integer(),
  seedKey: Nullable(Type.String()),
  moment: Type.String(),
  text: Type.String(),
  followUp: Nullable(Type.String()),
  note: Nullable(Type.String()),
  enabled: Type.Boolean({ description: 'Switched off: kept in the library, offered in no reply box' }),
  version: Type.Integer(),
});

export const RenderedPhrase = Type.Object({
  ...Phrase.properties,
  template: Type.String({ description: 'The stored text with its {variables}' }),
  missing: Type.Array(Type.String(), { description: 'Variables left for the agent to fill' }),
  festival: Type.Boolean({ description: 'The holiday form of the phrase, offered first on a statutory holiday' }),
});

export const PhraseList = Type.Object({
  date: Nullable(Type.String({ description: "The site's local date" })),
  siteId: Nullable(Type.Integer()),
  holiday: Nullable(Type.String()),
  festival: Type.Boolean(),
  items: Type.Array(RenderedPhrase),
});

export const CreatePhraseBody = Type.Object(
  {
    moment: Moment, text: Line(1000), followUp: Type.Optional(Nullable(Text(1000))), note: Type.Optional(Nullable(Text(1000))),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const UpdatePhraseBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    moment: Type.Optional(Moment),
    text: Type.Optional(Line(1000)),
    followUp: Type.Optional(Nullable(Text(1000))),
    note: Type.Optional(Nullable(Text(1000))),
    enabled: Type.Optional(Type.Boolean({ description: 'Switch the phrase off (kept, not offered) or back on' })),
  },
  { additionalProperties: false },
);
