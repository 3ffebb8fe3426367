/**
 * The two category trees an organisation starts with (DOMAIN.md §3): the shopping
 * mall complaint taxonomy of seed S3 and a property-management tree. Organisations
 * edit their own copy; this is only the seed.
 */
export interface CategorySeedNode {
  name: string;
  children?: CategorySeedNode[];
}

const leaves = (...names: string[]): CategorySeedNode[] => names.map((name) => ({ name }));

export const MALL_CATEGORY_TREE: CategorySeedNode[] = [
  { name: '硬件', children: leaves('设施设备', '道具美陈', '系统设施安全') },
  { name: '商品', children: leaves('商品品质', '商品过期', '三无', '假冒', '计量不全', '性能不安全') },
  { name: '价格', children: leaves('标售价不符', '售价过高', '一物多价', '提价打折', '价格标示不清晰') },
  {
    name: '服务质量',
    children: leaves('待客态度', '专业知识', '约定失信', '寄存丢失', '背景音乐', '店内卫生', '指引系统', '店内温度'),
  },
  {
    name: '售后服务',
    children: leaves(
      '未按时送货', '货物送错', '未送货物', '货物破损污浊', '退货', '换货',
      '送量不足', '维修不及时', '拒修', '乱收费', '维修质量差',
    ),
  },
  { name: '广告宣传', children: leaves('店内POP', 'DM宣传册', '促销说明不清', '广告宣传不实', '赠品不好') },
  { name: '财务', children: leaves('多刷错刷', '卡无磁', '找钱不清', '收银系统') },
  { name: '其他', children: leaves('金卡', '发票', '物品失窃', '礼券拒收', '厂商投诉', '其他') },
];

export const PROPERTY_CATEGORY_TREE: CategorySeedNode[] = [
  { name: '维修', children: leaves('水电维修', '电梯', '门窗', '公共设施', '户内报修') },
  { name: '安保', children: leaves('门禁', '巡逻', '车辆管理', '可疑人员') },
  { name: '保洁环境', children: leaves('楼道卫生', '垃圾清运', '消杀') },
  { name: '绿化', children: leaves('绿植养护', '绿地占用') },
  { name: '停车', children: leaves('车位', '道闸', '乱停车') },
  { name: '收费', children: leaves('物业费', '水电费', '停车费') },
  { name: '噪音', children: leaves('装修噪音', '设备噪音', '生活噪音') },
  { name: '邻里', children: leaves('邻里纠纷', '宠物', '占用公共区域') },
  { name: '市政配套', children: leaves('供水', '供电', '供热', '供气', '有线电视', '电话') },
];

/** Seeded as two roots so both trees live side by side in one organisation. */
export const CATEGORY_SEED: CategorySeedNode[] = [
  { name: '物业服务', children: PROPERTY_CATEGORY_TREE },
  { name: '商场服务', children: MALL_CATEGORY_TREE },
];
