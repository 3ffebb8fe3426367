import type { BrandTag } from './demo-texts.js';

/**
 * The counters and shops of 回音广场购物中心 (fictional names, not real brands),
 * what they sell and at what price, and groups of counters that suit a sentence.
 */
export const WEAR: readonly BrandTag[] = ['fashion', 'shoes'];
export const GOODS: readonly BrandTag[] = ['fashion', 'shoes', 'kids', 'jewel', 'beauty', 'home', 'digital', 'appliance'];
export const DELIVERED: readonly BrandTag[] = ['home', 'appliance', 'kids', 'digital'];
export const ANY: readonly BrandTag[] = [...GOODS, 'dining', 'market', 'leisure'];

export interface Brand {
  name: string;
  floor: string;
  unit: string;
  counter: '专柜' | '商铺';
  tag: BrandTag;
  items: readonly (readonly [string, number])[];
}

/** Fictional tenants; names chosen not to resemble real brands. */
export const BRANDS: readonly Brand[] = [
  { name: '鲜丰超市', floor: 'B1', unit: 'B1-001', counter: '商铺', tag: 'market', items: [['酸奶', 12], ['进口牛排', 168], ['婴儿奶粉', 358], ['草莓', 39], ['大米', 69], ['吐司面包', 15]] },
  { name: '好味来小吃', floor: 'B1', unit: 'B1-023', counter: '商铺', tag: 'dining', items: [['套餐', 38], ['奶茶', 18]] },
  { name: '金禾珠宝', floor: '一楼', unit: 'L1-006', counter: '专柜', tag: 'jewel', items: [['金项链', 5680], ['钻戒', 12800], ['银手镯', 699]] },
  { name: '悦颜美妆', floor: '一楼', unit: 'L1-012', counter: '专柜', tag: 'beauty', items: [['面霜', 680], ['口红', 320], ['香水', 890], ['精华液', 1280]] },
  { name: '时光腕表', floor: '一楼', unit: 'L1-018', counter: '专柜', tag: 'jewel', items: [['手表', 3299], ['表带', 399]] },
  { name: '悦色女装', floor: '二楼', unit: 'L2-003', counter: '专柜', tag: 'fashion', items: [['连衣裙', 899], ['羊毛大衣', 2680], ['针织衫', 459]] },
  { name: '简衣坊', floor: '二楼', unit: 'L2-011', counter: '专柜', tag: 'fashion', items: [['衬衫', 299], ['半身裙', 359], ['风衣', 1299]] },
  { name: '绮丽内衣', floor: '二楼', unit: 'L2-016', counter: '专柜', tag: 'fashion', items: [['睡衣', 399], ['保暖内衣', 269]] },
  { name: '雅韵旗袍', floor: '二楼', unit: 'L2-020', counter: '专柜', tag: 'fashion', items: [['旗袍', 1880], ['丝巾', 460]] },
  { name: '型男汇', floor: '三楼', unit: 'L3-002', counter: '专柜', tag: 'fashion', items: [['西装', 2980], ['夹克', 1180], ['羽绒服', 1599]] },
  { name: '极速运动', floor: '三楼', unit: 'L3-009', counter: '商铺', tag: 'shoes', items: [['跑鞋', 799], ['运动裤', 359], ['冲锋衣', 1099]] },
  { name: '步履鞋业', floor: '三楼', unit: 'L3-015', counter: '专柜', tag: 'shoes', items: [['皮鞋', 1280], ['短靴', 999], ['休闲鞋', 599]] },
  { name: '山野户外', floor: '三楼', unit: 'L3-021', counter: '商铺', tag: 'shoes', items: [['登山鞋', 1099], ['背包', 499]] },
  { name: '小鹿童装', floor: '四楼', unit: 'L4-005', counter: '专柜', tag: 'kids', items: [['童装外套', 399], ['儿童羽绒服', 699], ['儿童鞋', 259]] },
  { name: '乐趣玩具', floor: '四楼', unit: 'L4-010', counter: '商铺', tag: 'kids', items: [['积木', 599], ['遥控车', 329], ['毛绒玩具', 129]] },
  { name: '贝贝母婴', floor: '四楼', unit: 'L4-016', counter: '商铺', tag: 'kids', items: [['婴儿推车', 1899], ['奶瓶', 159], ['安全座椅', 2280]] },
  { name: '森活家居', floor: '五楼', unit: 'L5-003', counter: '商铺', tag: 'home', items: [['床品四件套', 899], ['蚕丝被', 1580], ['收纳柜', 459]] },
  { name: '美家电器', floor: '五楼', unit: 'L5-008', counter: '商铺', tag: 'appliance', items: [['空气炸锅', 499], ['电暖器', 399], ['电饭煲', 699], ['吸尘器', 1999]] },
  { name: '数码港', floor: '五楼', unit: 'L5-014', counter: '商铺', tag: 'digital', items: [['手机', 4299], ['蓝牙耳机', 899], ['平板电脑', 3199], ['智能手表', 1299]] },
  { name: '悦读书店', floor: '五楼', unit: 'L5-020', counter: '商铺', tag: 'home', items: [['图书', 68], ['文具套装', 128]] },
  { name: '蜀香园火锅', floor: '六楼', unit: 'L6-002', counter: '商铺', tag: 'dining', items: [['套餐', 298], ['代金券', 100]] },
  { name: '慢时光咖啡', floor: '六楼', unit: 'L6-007', counter: '商铺', tag: 'dining', items: [['咖啡', 32], ['蛋糕', 38]] },
  { name: '粤点茶餐厅', floor: '六楼', unit: 'L6-011', counter: '商铺', tag: 'dining', items: [['双人套餐', 168]] },
  { name: '湘味小馆', floor: '六楼', unit: 'L6-015', counter: '商铺', tag: 'dining', items: [['午市套餐', 58]] },
  { name: '星光影城', floor: '七楼', unit: 'L7-001', counter: '商铺', tag: 'leisure', items: [['电影票', 59], ['爆米花套餐', 45]] },
  { name: '童趣乐园', floor: '七楼', unit: 'L7-006', counter: '商铺', tag: 'leisure', items: [['游玩次卡', 298]] },
];

export const MALL_FLOORS = ['B1', '一楼', '二楼', '三楼', '四楼', '五楼', '六楼', '美食广场', 'B2停车场'] as const;
