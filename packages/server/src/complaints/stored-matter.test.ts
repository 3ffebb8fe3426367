import { describe, expect, it } from 'vitest';
import { MATTER_FEATURES_VERSION } from '@huiyin/domain';
import { computeMatter, matterColumn, matterOf } from './stored-matter.js';

const TEXT = '3号楼电梯又坏了';

describe('stored matter features', () => {
  it('reads back what intake stored for the same text', () => {
    const row = { description: TEXT, matter_json: matterColumn(TEXT) };
    expect(matterOf(row)).toEqual(computeMatter(TEXT));
    expect(matterOf(row).buildings).toEqual(['3']);
  });

  it('uses the stored features instead of segmenting again', () => {
    // Features that the text would never give: only a stored value can produce them.
    const planted = { ...computeMatter(TEXT), buildings: ['99'] };
    expect(matterOf({ description: TEXT, matter_json: matterColumn(TEXT, planted) }).buildings).toEqual(['99']);
  });

  it('computes afresh when the description was edited after intake', () => {
    const row = { description: '5号楼电梯又坏了', matter_json: matterColumn(TEXT) };
    expect(matterOf(row).buildings).toEqual(['5']);
  });

  it('computes afresh for an older extraction version, a missing or an unreadable value', () => {
    const old = JSON.parse(matterColumn(TEXT, { ...computeMatter(TEXT), buildings: ['99'] })) as Record<string, unknown>;
    old.v = MATTER_FEATURES_VERSION - 1;
    expect(matterOf({ description: TEXT, matter_json: JSON.stringify(old) }).buildings).toEqual(['3']);
    expect(matterOf({ description: TEXT, matter_json: null }).buildings).toEqual(['3']);
    expect(matterOf({ description: TEXT, matter_json: '{not json' }).buildings).toEqual(['3']);
    expect(matterOf({ description: TEXT, matter_json: '{"v":1}' }).buildings).toEqual(['3']);
  });
});
