import type { CustomerType } from '@huiyin/domain';
import { BRANDS } from './demo-mall-brands.js';
import type { DemoRandom } from './demo-random.js';
import type { Audience } from './demo-texts.js';

/** Staff and customers of the demo organisation. */

export type StaffRole = 'admin' | 'supervisor' | 'agent' | 'handler' | 'department_head' | 'general_manager';

export interface DemoUser {
  username: string;
  displayName: string;
  /** 工号: the only thing an agent tells customers about themselves (S1). */
  employeeNo: string;
  role: StaffRole;
  siteKeys: string[];
  departmentKey?: string;
}

export interface DemoCustomer {
  key: string;
  name: string;
  title: '先生' | '女士';
  /** 11-digit mainland mobile, unique across all customers and extra phones. */
  phone: string;
  extraPhones: string[];
  customerType?: CustomerType;
  notes?: string;
  units: { siteKey: string; label: string }[];
  /** Writes in traditional script (a few owners from Hong Kong and Taiwan); their descriptions are converted. */
  writesTraditional?: boolean;
}

export const GARDEN = 'garden';
export const PLAZA = 'plaza';

/**
 * Sixteen people: one per department that receives dispatches, plus the desks,
 * the general manager and an administrator. Every department key that a topic
 * routes to has someone who can handle it.
 */
export const STAFF: readonly DemoUser[] = [
  { username: 'admin', displayName: '周建国', employeeNo: '1001', role: 'admin', siteKeys: [GARDEN, PLAZA] },
  { username: 'chenzhiyuan', displayName: '陈志远', employeeNo: '1002', role: 'general_manager', siteKeys: [GARDEN, PLAZA] },
  { username: 'linxiaoyan', displayName: '林晓燕', employeeNo: '1003', role: 'supervisor', siteKeys: [GARDEN], departmentKey: 'garden-service' },
  { username: 'wanglijuan', displayName: '王丽娟', employeeNo: '1004', role: 'agent', siteKeys: [GARDEN], departmentKey: 'garden-service' },
  { username: 'zhangmin', displayName: '张敏', employeeNo: '1005', role: 'agent', siteKeys: [GARDEN], departmentKey: 'garden-service' },
  { username: 'liujianhua', displayName: '刘建华', employeeNo: '1006', role: 'department_head', siteKeys: [GARDEN], departmentKey: 'garden-engineering' },
  { username: 'zhaoqiang', displayName: '赵强', employeeNo: '1007', role: 'department_head', siteKeys: [GARDEN], departmentKey: 'garden-security' },
  { username: 'sunguifang', displayName: '孙桂芳', employeeNo: '1008', role: 'handler', siteKeys: [GARDEN], departmentKey: 'garden-cleaning' },
  { username: 'huangjing', displayName: '黄静', employeeNo: '1009', role: 'supervisor', siteKeys: [PLAZA], departmentKey: 'plaza-service' },
  { username: 'wutingting', displayName: '吴婷婷', employeeNo: '1010', role: 'agent', siteKeys: [PLAZA], departmentKey: 'plaza-service' },
  { username: 'zhengyutong', displayName: '郑雨桐', employeeNo: '1011', role: 'agent', siteKeys: [PLAZA], departmentKey: 'plaza-service' },
  { username: 'majun', displayName: '马俊', employeeNo: '1012', role: 'department_head', siteKeys: [PLAZA], departmentKey: 'plaza-operations' },
  { username: 'hezhiming', displayName: '何志明', employeeNo: '1013', role: 'handler', siteKeys: [PLAZA], departmentKey: 'plaza-engineering' },
  { username: 'gaolei', displayName: '高磊', employeeNo: '1014', role: 'handler', siteKeys: [PLAZA], departmentKey: 'plaza-security' },
  { username: 'luojia', displayName: '罗佳', employeeNo: '1015', role: 'handler', siteKeys: [PLAZA], departmentKey: 'plaza-finance' },
  { username: 'liangxiaoxue', displayName: '梁晓雪', employeeNo: '1016', role: 'handler', siteKeys: [PLAZA], departmentKey: 'plaza-marketing' },
];

// Weighted roughly like the real frequency of Chinese surnames.
const SURNAMES = (
  '王王王王李李李李张张张张刘刘刘陈陈陈杨杨黄黄赵赵吴吴周周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
).split('');
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛'];

const MALE_GIVEN = (
  '建国 志强 伟 磊 洋 勇 军 杰 涛 明 超 鹏 浩然 子轩 宇航 文博 俊杰 国强 海涛 建华 晓东 立新 振华 德明 永刚 卫东 世杰 家豪 一鸣 思远 ' +
  '天宇 博文 浩宇 志伟 春生 长青 学军 宏伟 建平 新民 凯 斌 亮 刚 峰 辉 健 毅 飞 国庆 红军 建军 俊 雷 嘉诚 子豪 明轩 振宇 永强 福生'
).split(' ');
const FEMALE_GIVEN = (
  '丽 静 敏 燕 艳 娟 霞 芳 婷 雪 丽娟 秀英 桂兰 玉兰 淑珍 美玲 晓燕 慧敏 雅琴 欣怡 梓涵 诗涵 雨萱 佳怡 思琪 梦瑶 晓红 海燕 春梅 秀兰 ' +
  '玉梅 凤英 金凤 晓丽 文静 倩 颖 璐 琳 蕾 萍 红梅 丽华 淑芬 雅婷 晶晶 小红 爱华 素芳 佩玲 嘉欣 若曦 紫萱 一诺 美华 桂芳 月娥 翠兰'
).split(' ');

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '180', '181', '182', '183', '185', '186', '187', '188', '189',
];

const RESIDENT_NOTES = [
  '独居老人，腿脚不便，上门前请先电话联系子女。', '业委会委员。', '对噪音比较敏感，曾多次反映楼上噪音。',
  '常年在外地工作，房屋由父母居住。', '家中有婴儿，上门前请先电话。', '租户，房东委托其办理日常事务。',
  '出租房业主，房屋由中介代管。', '习惯微信沟通，白天不方便接电话。', '退休教师，热心社区活动。',
];
const SHOPPER_NOTES = ['金卡会员。', '会员，常来美食广场。', '曾投诉专柜服务态度，注意沟通方式。', '银卡会员，偏好短信联系。', '附近写字楼上班，午间常来。'];
const TRADITIONAL_NOTES = ['香港业主，习惯使用繁体字。', '台湾籍，书写使用繁体字。', '澳门业主，来函使用繁体字。'];

const TYPE_WEIGHTS: readonly (readonly [CustomerType | undefined, number])[] = [
  [undefined, 60], ['friendly', 16], ['analytical', 10], ['assertive', 8], ['self_centred', 6],
];

export interface CustomerPlan {
  residents: number;
  tenants: number;
  shoppers: number;
}

/** A building of 回音花园: high-rise towers 1–12, low-rise 洋房 13–18. */
export function buildingShape(building: number): { entrances: number; floors: number } {
  return building <= 12 ? { entrances: 2, floors: 26 } : { entrances: 3, floors: 6 };
}

export function residentialUnit(building: number, entrance: number, floor: number, flat: number): string {
  return `${building}栋${entrance}单元${floor}${String(flat).padStart(2, '0')}`;
}

/** Parse a unit label of 回音花园 back into building and floor (for slots such as {bld} and {floor}). */
export function parseResidentialUnit(label: string): { building: number; floor: number } | undefined {
  const match = /^(\d+)栋\d+单元(\d+)(\d\d)$/.exec(label);
  if (!match) return undefined;
  return { building: Number(match[1]), floor: Number(match[2]) };
}

export function makeCustomers(rng: DemoRandom, plan: CustomerPlan): DemoCustomer[] {
  const phones = new Set<string>();
  const names = new Set<string>();
  const units = new Set<string>();
  const customers: DemoCustomer[] = [];

  const newPhone = (): string => {
    for (;;) {
      const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!phones.has(phone)) {
        phones.add(phone);
        return phone;
      }
    }
  };
  const newPerson = (): { name: string; title: '先生' | '女士' } => {
    for (;;) {
      const male = rng.chance(0.48);
      const surname = rng.chance(0.015) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
      const name = surname + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
      if (!names.has(name)) {
        names.add(name);
        return { name, title: male ? '先生' : '女士' };
      }
    }
  };
  const newFlat = (): string => {
    for (;;) {
      const building = rng.int(1, 18);
      const shape = buildingShape(building);
      const label = residentialUnit(building, rng.int(1, shape.entrances), rng.int(1, shape.floors), rng.int(1, 2));
      if (!units.has(label)) {
        units.add(label);
        return label;
      }
    }
  };
  const add = (partial: Omit<DemoCustomer, 'key' | 'phone' | 'extraPhones' | 'name' | 'title'>): DemoCustomer => {
    const person = newPerson();
    const extraPhones = rng.chance(0.15) ? [newPhone()] : [];
    const customer: DemoCustomer = {
      key: `c${String(customers.length + 1).padStart(3, '0')}`,
      ...person,
      phone: newPhone(),
      extraPhones,
      ...partial,
    };
    const type = rng.weighted(TYPE_WEIGHTS);
    if (type) customer.customerType = type;
    customers.push(customer);
    return customer;
  };

  for (let i = 0; i < plan.residents; i++) {
    const flats = [{ siteKey: GARDEN, label: newFlat() }];
    if (rng.chance(0.04)) flats.push({ siteKey: GARDEN, label: newFlat() });
    const customer = add({ units: flats });
    if (rng.chance(0.12)) customer.notes = rng.pick(RESIDENT_NOTES);
  }
  for (let i = 0; i < plan.tenants; i++) {
    const brand = BRANDS[i % BRANDS.length];
    if (!brand) break;
    const role = i < BRANDS.length ? '店长' : '值班经理';
    const customer = add({
      units: [{ siteKey: PLAZA, label: `${brand.unit} ${brand.name}${brand.counter === '专柜' ? '专柜' : ''}` }],
    });
    customer.notes = `商户：${brand.name}${role}。`;
  }
  for (let i = 0; i < plan.shoppers; i++) {
    const customer = add({ units: [] });
    if (rng.chance(0.15)) customer.notes = rng.pick(SHOPPER_NOTES);
  }

  // A few owners write in traditional script: spread over residents and shoppers.
  const candidates = customers.filter((c) => !c.notes?.startsWith('商户'));
  for (const customer of rng.sample(candidates, Math.max(3, Math.round(customers.length / 40)))) {
    customer.writesTraditional = true;
    customer.notes = rng.pick(TRADITIONAL_NOTES);
  }
  return customers;
}

export function surnameOf(displayName: string): string {
  return COMPOUND_SURNAMES.find((s) => displayName.startsWith(s)) ?? displayName.slice(0, 1);
}

export function randomSurname(rng: DemoRandom): string {
  return rng.pick(SURNAMES);
}

export interface Pool {
  customers: DemoCustomer[];
  cumulative: number[];
}

/** Some customers call often, most rarely: a heavy-tailed activity weight per customer. */
export function customerPools(rng: DemoRandom, customers: DemoCustomer[]): Record<Audience, Pool> {
  const pool = (list: DemoCustomer[]): Pool => {
    let total = 0;
    const cumulative = list.map((c) => {
      const r = rng.next();
      const temper = c.customerType === 'assertive' || c.customerType === 'self_centred' ? 1.8 : 1;
      total += (0.25 + 3 * r * r * r) * temper;
      return total;
    });
    return { customers: list, cumulative };
  };
  const residents = customers.filter((c) => c.units.some((u) => u.siteKey === GARDEN));
  const tenants = customers.filter((c) => c.units.some((u) => u.siteKey === PLAZA));
  const shoppers = customers.filter((c) => c.units.length === 0);
  // Residents shop at the mall too, as plain shoppers.
  return { resident: pool(residents), tenant: pool(tenants), shopper: pool([...shoppers, ...rng.sample(residents, 40)]) };
}

export function pickWeighted(rng: DemoRandom, pool: Pool): DemoCustomer {
  const total = pool.cumulative[pool.cumulative.length - 1] ?? 0;
  const roll = rng.next() * total;
  let lo = 0;
  let hi = pool.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pool.cumulative[mid] ?? 0) > roll) hi = mid;
    else lo = mid + 1;
  }
  const customer = pool.customers[lo];
  if (!customer) throw new Error('demo data: empty customer pool');
  return customer;
}
