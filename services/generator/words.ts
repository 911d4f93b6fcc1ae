/**
 * The words generated matters are made of. Every name, place and matter
 * here is invented; the kinds of matter follow what liaison stations in
 * Guizhou record through the year.
 */
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '韦', '龙', '陆', '潘', '蒙'];
export const givenNames = ['秀英', '建国', '桂芬', '志强', '玉梅', '德明', '小芳', '永福', '春燕', '国富', '明', '丽', '红梅', '海', '军', '兰', '华', '平', '勇', '艳', '正林', '光荣', '文静'];
export const villageNames = [
  '海坪村', '岩脚村', '玉舍村', '米箩村', '龙场村', '新街村', '发耳村', '坪寨村', '猴场村', '营盘村',
  '化乐村', '南开村', '阿戛村', '杨梅村', '红岩村', '花戛村', '箐口村', '茅坪村', '大坡村', '松林村',
  '凉水井村', '石板村', '槽子村', '木城村', '河边村', '田坝村', '青杠村', '弯子村', '山脚村', '桃园村',
  '鱼塘村', '小寨村', '水井村', '大寨村', '麻窝村', '沙坝村', '白岩村', '黑土村', '老街社区', '新城社区',
];

/** Categories the generated districts keep besides the demo's: the winter's matters. */
export const generatedCategoryList = [
  { code: 'power', nameZh: '供电', nameEn: 'Power supply', defaultUrgency: 'urgent' },
  { code: 'winter-heating', nameZh: '冬季取暖', nameEn: 'Winter heating', defaultUrgency: 'urgent' },
  { code: 'ice', nameZh: '凝冻防范', nameEn: 'Ice and freezing rain', defaultUrgency: 'urgent' },
] as const;

const rainy = [5, 6, 7, 8, 9];
const winter = [11, 12, 1, 2];
/** How often a category comes up, and in which months (1–12) more often (×3) or hardly at all. */
export const seasons: Record<string, { weight: number; peak?: number[]; only?: number[] }> = {
  roads: { weight: 6, peak: rainy },
  industry: { weight: 3, peak: [3, 4, 9, 10] },
  municipal: { weight: 4 },
  water: { weight: 4, peak: [7, 8, 1] },
  transport: { weight: 3 },
  environment: { weight: 3, peak: [6, 7, 8] },
  'social-security': { weight: 3, peak: [1, 12] },
  land: { weight: 2, peak: [3, 4] },
  'traffic-safety': { weight: 2, peak: [9] },
  'safety-hazard': { weight: 2, peak: rainy },
  'public-order': { weight: 2 },
  'rural-infrastructure': { weight: 3, peak: [10, 11, 3] },
  telecom: { weight: 2 },
  neighbours: { weight: 2, peak: rainy },
  'medical-insurance': { weight: 2, peak: [1, 2] },
  power: { weight: 2, peak: [7, 8, 12, 1] },
  'winter-heating': { weight: 4, only: winter },
  ice: { weight: 5, only: [12, 1, 2] },
};

export function seasonalWeight(code: string, month: number): number {
  const season = seasons[code];
  if (!season) return 1;
  if (season.only) return season.only.includes(month) ? season.weight : 0;
  return season.peak?.includes(month) ? season.weight * 3 : season.weight;
}

/** `{v}` a village, `{g}` a group (组) number. */
export const summaries: Record<string, string[]> = {
  roads: ['{v}{g}组通组路旁涵洞堵塞，下雨后积水漫过路面。', '{v}{g}组进村道路坑洼积水，车辆难以通行。', '{v}通村公路边沟淤塞，雨水冲毁路肩。'],
  industry: ['{v}村民种的茶叶销路不好，希望帮助对接收购企业。', '{v}{g}组希望组织食用菌种植技术培训。', '{v}合作社申请产业扶持资金，不清楚办理流程。'],
  municipal: ['{v}{g}组路灯不亮，晚上出行不便。', '{v}集镇公共厕所长期无人管理。', '{v}{g}组垃圾桶数量不够，垃圾堆在路边。'],
  water: ['{v}{g}组自来水水压不足，高处住户经常停水。', '{v}{g}组饮用水浑浊，怀疑水源受污染。', '{v}水管冻裂后一直没有修复。'],
  transport: ['{v}到镇上的班车太少，老人看病不方便。', '{v}公交站没有候车亭，雨天无处躲雨。'],
  environment: ['{v}附近养殖场气味大，污水直排河沟。', '{v}{g}组夜间施工噪音扰民。', '{v}河道漂浮垃圾多，无人清理。'],
  'social-security': ['{v}{g}组老人养老金发放时间推迟，希望核实原因。', '{v}村民咨询城乡居民养老保险补缴政策。', '{v}低保评定结果有异议，希望重新核查。'],
  land: ['{v}{g}组与邻组土地边界纠纷。', '{v}修路占用耕地的补偿款迟迟未到位。'],
  'traffic-safety': ['{v}小学门口车速快，没有减速带。', '{v}急弯处没有护栏和警示标志。'],
  'safety-hazard': ['{v}{g}组山体有滑坡迹象，房屋后方出现裂缝。', '{v}河上便桥护栏被冲断，夜里危险。', '{v}{g}组危房无人居住但临近道路，存在倒塌隐患。'],
  'public-order': ['{v}集镇占道经营，车辆通行困难。', '{v}附近流浪狗多，老人孩子害怕。'],
  'rural-infrastructure': ['{v}{g}组希望硬化通往茶园的机耕道。', '{v}灌溉水渠年久失修，渗漏严重。'],
  telecom: ['{v}{g}组手机信号差，孩子上网课困难。', '{v}宽带安装申请一个月没有回复。'],
  neighbours: ['{v}{g}组邻居排水沟改道，雨水流进院子。', '{v}{g}组邻里因宅基地界线发生争执。'],
  'medical-insurance': ['{v}村民异地就医报销手续不清楚。', '{v}村卫生室药品种类少，慢性病用药不方便。'],
  power: ['{v}{g}组电压不稳，电器经常烧坏。', '{v}{g}组雷雨后停电两天未恢复。'],
  'winter-heating': ['{v}{g}组独居老人冬季取暖困难，希望给予帮助。', '{v}学校教室冬天没有取暖设备。'],
  ice: ['{v}通村公路凝冻结冰，车辆无法通行。', '{v}{g}组凝冻压断电线，全组停电。'],
};

export const agencies: Record<string, string> = {
  roads: '区交通运输局', industry: '区农业农村局', municipal: '区城市管理局', water: '区水务局', transport: '区交通运输局',
  environment: '区生态环境分局', 'social-security': '区人力资源和社会保障局', land: '区自然资源局', 'traffic-safety': '区公安交通管理大队',
  'safety-hazard': '区应急管理局', 'public-order': '镇综合行政执法队', 'rural-infrastructure': '区农业农村局', telecom: '区通信发展办公室',
  neighbours: '镇司法所', 'medical-insurance': '区医疗保障局', power: '区供电局', 'winter-heating': '区民政局', ice: '区应急管理局',
};

export const findings = ['会同村组干部察看现场，情况属实，已商定处理办法。', '现场核实问题存在，拍照取证后交相关部门处理。', '察看发现问题已部分缓解，约定下周再来查看。'];
export const progressNotes = ['已与镇政府沟通，列入本月工作计划。', '已联系施工队，材料正在采购。', '部门答复需走审批程序，代表持续跟进。'];
export const replies = ['已安排人员处理，预计一周内完成。', '已列入年度项目计划，先采取临时措施。', '经核查情况属实，已督促责任单位整改。'];
export const resolutions = {
  done: ['问题已解决，群众反映的情况已处理到位。', '已完成维修，恢复正常使用。'],
  partly: ['已采取临时措施，彻底解决列入下一年度计划。'],
  explained: ['已向群众解释相关政策和办理渠道。'],
} as const;
export const declineReasons = [
  { reason: '属于政策咨询，不需代表办理，已告知办理渠道。', redirectTo: '镇便民服务中心' },
  { reason: '已进入诉讼程序，不宜由代表介入。', redirectTo: '县法律援助中心' },
];
