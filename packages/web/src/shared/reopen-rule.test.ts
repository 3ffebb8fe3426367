import { describe, expect, it } from 'vitest';
import { sendsOrderBack } from './reopen-rule';

describe('which rating sends the order back', () => {
  it('follows the organisation’s threshold: at 一般, neutral already reopens; better ratings never do', () => {
    expect(sendsOrderBack('neutral', 'neutral')).toBe(true);
    expect(sendsOrderBack('very_dissatisfied', 'neutral')).toBe(true);
    expect(sendsOrderBack('satisfied', 'neutral')).toBe(false);
  });

  it('keeps the default 不满意 or worse', () => {
    expect(sendsOrderBack('neutral', 'dissatisfied')).toBe(false);
    expect(sendsOrderBack('dissatisfied', 'dissatisfied')).toBe(true);
    expect(sendsOrderBack('very_dissatisfied', 'very_dissatisfied')).toBe(true);
    expect(sendsOrderBack('dissatisfied', 'very_dissatisfied')).toBe(false);
  });

  it('no rating sends nothing back; an unknown threshold (an older server) means the default', () => {
    expect(sendsOrderBack(null, 'neutral')).toBe(false);
    expect(sendsOrderBack(undefined, 'neutral')).toBe(false);
    expect(sendsOrderBack('neutral', undefined)).toBe(false);
    expect(sendsOrderBack('dissatisfied', undefined)).toBe(true);
    expect(sendsOrderBack('dissatisfied', 'bogus')).toBe(true);
  });
});
