/**
 * Messages of the admin screens, in the three languages. Kept apart from the
 * base dictionaries so each area's strings live beside each other; zh-CN.ts
 * merges them. Every key of zhCN must be in zhTW and en (the type says so).
 */
const zhCN = {
} as const;

type Keys = Record<keyof typeof zhCN, string>;

const zhTW: Keys = {
};

const en: Keys = {
};

export const adminMessages = { zhCN, zhTW, en };
