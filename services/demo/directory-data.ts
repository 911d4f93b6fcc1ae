/**
 * A made-up corner of a Guizhou city: two districts, township stations,
 * village rooms, a deputy's home, and the deputies who serve them. Every
 * name and number here is invented.
 */
export const demoAreas = [
  { code: '520221', name: '水城区' },
  { code: '520221104', name: '蟠龙镇' },
  { code: '520221104201', name: '百车河社区' },
  { code: '520221104202', name: '法那村' },
  { code: '520201', name: '钟山区' },
  { code: '520201003', name: '荷城街道' },
  { code: '520201003101', name: '古镇社区' },
];

export const demoStations = [
  { id: 'st-panlong', name: '蟠龙镇人大代表联络站', kind: 'station', areaCode: '520221104', address: '蟠龙镇人民政府一楼', receptionSchedule: '每周一 9:00–12:00 代表接待选民；网上联络站全天留言' },
  { id: 'st-baichehe', name: '百车河社区人大代表联络室', kind: 'room', areaCode: '520221104201', address: '百车河社区服务中心二楼', receptionSchedule: '每周一有代表值班' },
  { id: 'st-fana-home', name: '代表之家（法那村）', kind: 'home', areaCode: '520221104202', address: '法那村四组，代表家中', receptionSchedule: '随时上门，联系卡贴在大门口' },
  { id: 'st-hecheng', name: '荷城街道人大代表联络站', kind: 'station', areaCode: '520201003', address: '荷城街道办事处', receptionSchedule: '每周一现场接待；线上24小时不打烊' },
  { id: 'st-guzhen', name: '古镇社区人大代表联络室', kind: 'room', areaCode: '520201003101', address: '水城古镇游客中心旁', receptionSchedule: '每月第一个周一' },
];

export const demoDeputies = [
  { id: 'dep-zhou-lan', name: '周兰', level: 'township', stationIds: ['st-baichehe', 'st-panlong'] },
  { id: 'dep-wu-haitao', name: '吴海涛', level: 'township', stationIds: ['st-baichehe'] },
  { id: 'dep-yang-meiyun', name: '杨美云', level: 'county', stationIds: ['st-fana-home', 'st-panlong'] },
  { id: 'dep-luo-jian', name: '罗建', level: 'city', stationIds: ['st-panlong'] },
  { id: 'dep-tian-yu', name: '田雨', level: 'county', stationIds: ['st-hecheng', 'st-guzhen'] },
  { id: 'dep-song-qiang', name: '宋强', level: 'county', stationIds: ['st-hecheng'] },
  { id: 'dep-he-xia', name: '何霞', level: 'provincial', stationIds: ['st-guzhen'] },
];

/** The people who act in the demo, with the tokens' claims they would carry. */
export const demoPeople = {
  admin: { sub: 'admin-demo', name: '系统管理员', role: 'admin', stations: [] },
  staffBaichehe: { sub: 'staff-baichehe', name: '王芳', role: 'staff', stations: ['st-baichehe', 'st-panlong', 'st-fana-home'] },
  staffHecheng: { sub: 'staff-hecheng', name: '李娜', role: 'staff', stations: ['st-hecheng', 'st-guzhen'] },
  supShuicheng: { sub: 'sup-shuicheng', name: '陈刚', role: 'supervisor', stations: [], area: '520221' },
  supZhongshan: { sub: 'sup-zhongshan', name: '刘洋', role: 'supervisor', stations: [], area: '520201' },
  auditor: { sub: 'auditor-demo', name: '赵敏', role: 'auditor', stations: [] },
} as const;

/**
 * The case categories each district keeps (registered for both districts
 * here), with the urgency a new matter of that kind takes by default.
 */
export const demoCategoryList = [
  { code: 'roads', nameZh: '道路与排水', nameEn: 'Roads and drainage', defaultUrgency: 'urgent' },
  { code: 'industry', nameZh: '产业发展', nameEn: 'Local industry', defaultUrgency: 'complex' },
  { code: 'municipal', nameZh: '市政设施', nameEn: 'Municipal facilities', defaultUrgency: 'normal' },
  { code: 'water', nameZh: '供水', nameEn: 'Water supply', defaultUrgency: 'urgent' },
  { code: 'transport', nameZh: '交通出行', nameEn: 'Transport', defaultUrgency: 'normal' },
  { code: 'environment', nameZh: '环境', nameEn: 'Environment', defaultUrgency: 'normal' },
  { code: 'social-security', nameZh: '社会保障', nameEn: 'Social security', defaultUrgency: 'normal' },
  { code: 'land', nameZh: '土地', nameEn: 'Land', defaultUrgency: 'complex' },
  { code: 'traffic-safety', nameZh: '交通安全', nameEn: 'Traffic safety', defaultUrgency: 'urgent' },
  { code: 'safety-hazard', nameZh: '安全隐患', nameEn: 'Safety hazards', defaultUrgency: 'emergency' },
  { code: 'public-order', nameZh: '公共秩序', nameEn: 'Public order', defaultUrgency: 'normal' },
  { code: 'rural-infrastructure', nameZh: '农村基础设施', nameEn: 'Rural infrastructure', defaultUrgency: 'complex' },
  { code: 'telecom', nameZh: '通信', nameEn: 'Telecommunications', defaultUrgency: 'normal' },
  { code: 'neighbours', nameZh: '邻里纠纷', nameEn: 'Disputes between neighbours', defaultUrgency: 'normal' },
  { code: 'medical-insurance', nameZh: '医疗保障', nameEn: 'Medical insurance', defaultUrgency: 'normal' },
  // What an online message takes when the citizen names no category: the station sorts it.
  { code: 'other', nameZh: '其他（待分类）', nameEn: 'Other (to be sorted)', defaultUrgency: 'normal' },
] as const;

export const demoCategories = ['520221', '520201'].flatMap((areaCode) =>
  demoCategoryList.map((category) => Object.assign({ areaCode }, category)),
);

/** A category's code from the Chinese name the stories use. */
export function categoryCodeOf(nameZh: string): string {
  const found = demoCategoryList.find((c) => c.nameZh === nameZh);
  if (!found) throw new Error(`demo: no category ${nameZh}`);
  return found.code;
}
