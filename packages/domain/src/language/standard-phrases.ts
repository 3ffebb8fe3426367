/**
 * Picking and filling standard phrases: by moment, with the festival greeting
 * on statutory holidays (S1 part 3: 元旦、春节、五一、中秋、国庆 "需要有相应节日问候语
 * 如‘节日好’、‘春节好’"). Which day is a holiday is the calendar's business; the
 * caller passes the holiday's name (e.g. "国庆节" from the statutory calendar).
 */
import { STANDARD_PHRASES, type PhraseMoment, type StandardPhrase } from './standard-phrases.seed.js';

export type PhraseVariables = Readonly<Record<string, string>>;

/** A template needs a variable the caller did not supply (a programming error, not user input). */
export class MissingPhraseVariableError extends Error {
  constructor(readonly variable: string) {
    super(`phrase variable {${variable}} was not supplied`);
    this.name = 'MissingPhraseVariableError';
  }
}

/** Fills {center}, {agentNo}, {customer}…; every placeholder must be supplied. */
export function renderPhrase(template: string, vars: PhraseVariables): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new MissingPhraseVariableError(name);
    return value;
  });
}

export function phrasesFor(moment: PhraseMoment, phrases: readonly StandardPhrase[] = STANDARD_PHRASES): StandardPhrase[] {
  return phrases.filter((p) => p.moment === moment);
}

/**
 * Statutory holidays and their greeting. Keys are looked for inside the name,
 * so "国庆节", "国庆" and "National Day,国庆节" all work. The seeds give
 * "春节好" and "新年好"; every other holiday gets "节日好".
 */
const HOLIDAY_GREETINGS: readonly (readonly [string, string])[] = [
  ['春节', '春节好'],
  ['元旦', '新年好'],
  ['新年', '新年好'],
  ['清明', '节日好'],
  ['劳动节', '节日好'],
  ['五一', '节日好'],
  ['端午', '节日好'],
  ['中秋', '节日好'],
  ['国庆', '节日好'],
];

/** The festival greeting for a statutory holiday, or undefined for any other name. */
export function festivalGreeting(holidayName: string | null | undefined): string | undefined {
  if (!holidayName) return undefined;
  return HOLIDAY_GREETINGS.find(([key]) => holidayName.includes(key))?.[1];
}

/** Moments whose festival form is a different moment of the seeds. */
const FESTIVAL_MOMENT: Partial<Record<PhraseMoment, PhraseMoment>> = {
  opening: 'festivalOpening',
  closing: 'festivalClosing',
};

/**
 * The phrases for a moment on the given day. On a statutory holiday the
 * opening becomes the festival opening and the closing the festival closing,
 * and any phrase beginning with "您好"/"节日好" (openings, callbacks) begins with
 * that holiday's greeting instead ("春节好！…"). Other moments and ordinary
 * days (holidayName undefined or not statutory) get the ordinary phrases.
 */
export function festivalVariant(
  moment: PhraseMoment,
  holidayName: string | null | undefined,
  phrases: readonly StandardPhrase[] = STANDARD_PHRASES,
): StandardPhrase[] {
  const greeting = festivalGreeting(holidayName);
  if (greeting === undefined) return phrasesFor(moment, phrases);
  const festive = phrasesFor(FESTIVAL_MOMENT[moment] ?? moment, phrases);
  return festive.map((p) => {
    const text = p.text.replace(/^(您好|节日好|春节好|新年好)/, greeting);
    return text === p.text ? p : { ...p, text };
  });
}
