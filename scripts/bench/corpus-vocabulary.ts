/**
 * Word lists for the synthetic corpus (scripts/bench/corpus.ts).
 *
 * Everything here was written for this project: the district, its places,
 * enterprises, projects and local regulations are fictional; national law
 * titles and policy terms are the ordinary vocabulary of government reports.
 * Lists are ordered roughly from common to rare: samplers weight entries by
 * rank, so the first entries of a list dominate the text (Zipf-like).
 */

export const CITY = '合成市';
export const SITE_NAME = '合成市合成区人民政府';

/** Report kinds; each has its own outline, title pattern and column. */
export type Kind =
  | 'fazhi' // 法治政府建设年度报告
  | 'xxgk' // 政府信息公开工作年度报告
  | 'zongjie' // 年度工作总结
  | 'jihua' // 年度工作计划 / 工作要点
  | 'zfgzbg' // 政府工作报告
  | 'banfa' // 规范性文件（办法、规定）
  | 'tongzhi' // 通知、实施方案
  | 'qingkuang' // 专项工作情况报告
  | 'jiedu' // 政策解读
  | 'yusuan' // 部门预算、决算
  | 'dafu' // 建议提案答复
  | 'zhifa'; // 行政执法情况、抽查结果

export interface ColumnDef {
  id: string;
  title: string;
  children?: ColumnDef[];
}

/** 18 columns, three levels deep. */
export const COLUMNS: ColumnDef[] = [
  {
    id: 'zwgk',
    title: '政务公开',
    children: [
      {
        id: 'fazhi',
        title: '法治政府建设',
        children: [
          { id: 'niandu-baogao', title: '法治政府建设年度报告' },
          { id: 'zhifa-gongshi', title: '行政执法公示' },
        ],
      },
      { id: 'xxgk-nianbao', title: '政府信息公开年度报告' },
      {
        id: 'guihua',
        title: '规划计划',
        children: [
          { id: 'gongzuo-baogao', title: '政府工作报告' },
          { id: 'gongzuo-jihua', title: '年度工作计划' },
        ],
      },
      { id: 'zongjie', title: '工作总结' },
    ],
  },
  {
    id: 'zcwj',
    title: '政策文件',
    children: [
      { id: 'gfxwj', title: '规范性文件' },
      { id: 'tongzhi', title: '通知公告' },
      { id: 'zcjd', title: '政策解读' },
    ],
  },
  {
    id: 'zdly',
    title: '重点领域信息',
    children: [
      { id: 'czzj', title: '财政资金', children: [{ id: 'yujuesuan', title: '部门预决算' }] },
      { id: 'zhuanxiang', title: '专项工作' },
      { id: 'jyta', title: '建议提案办理' },
    ],
  },
];

/** Leaf column of each kind, and the inner column a few reports are filed under instead. */
export const KIND_COLUMNS: Record<Kind, { leaf: string; parent: string; category: string }> = {
  fazhi: { leaf: 'niandu-baogao', parent: 'fazhi', category: '法治政府建设年度报告' },
  xxgk: { leaf: 'xxgk-nianbao', parent: 'zwgk', category: '政府信息公开年度报告' },
  zongjie: { leaf: 'zongjie', parent: 'zwgk', category: '工作总结' },
  jihua: { leaf: 'gongzuo-jihua', parent: 'guihua', category: '计划规划' },
  zfgzbg: { leaf: 'gongzuo-baogao', parent: 'guihua', category: '政府工作报告' },
  banfa: { leaf: 'gfxwj', parent: 'zcwj', category: '规范性文件' },
  tongzhi: { leaf: 'tongzhi', parent: 'zcwj', category: '其他文件' },
  qingkuang: { leaf: 'zhuanxiang', parent: 'zdly', category: '工作报告' },
  jiedu: { leaf: 'zcjd', parent: 'zcwj', category: '政策解读' },
  yusuan: { leaf: 'yujuesuan', parent: 'czzj', category: '财政预决算' },
  dafu: { leaf: 'jyta', parent: 'zdly', category: '建议提案办理' },
  zhifa: { leaf: 'zhifa-gongshi', parent: 'fazhi', category: '行政执法' },
};

export interface AgencyDef {
  id: string;
  name: string;
  short: string;
  /** Serial part of the code, `339902-0NN`. */
  code: string;
  /** The character in its document numbers, 合司〔2021〕9号. */
  abbr: string;
  /** Keys of DOMAIN_NOUNS, most characteristic first. */
  domains: string[];
  /** How much it publishes, relative to the others. */
  weight: number;
  /** Which kinds it publishes and how often; defaults apply when absent. */
  kinds?: Partial<Record<Kind, number>>;
  /** Streets and towns: their own name, so their reports name their own communities. */
  town?: string;
}

/** What a department publishes, by default. */
export const DEPARTMENT_KINDS: Partial<Record<Kind, number>> = {
  qingkuang: 20,
  tongzhi: 15,
  zongjie: 10,
  jihua: 9,
  fazhi: 5,
  xxgk: 5,
  jiedu: 4,
  banfa: 3,
  yusuan: 6,
  dafu: 8,
};
const ENFORCEMENT_KINDS: Partial<Record<Kind, number>> = { ...DEPARTMENT_KINDS, zhifa: 10 };
const TOWN_KINDS: Partial<Record<Kind, number>> = { qingkuang: 22, tongzhi: 10, zongjie: 14, jihua: 12, fazhi: 6, xxgk: 6, yusuan: 4, zhifa: 3 };

/** 24 publishing agencies of the fictional district. */
export const AGENCIES: AgencyDef[] = [
  { id: 'zfb', name: '合成区人民政府办公室', short: '区政府办', code: '001', abbr: '政办', domains: ['general', 'data'], weight: 9, kinds: { zfgzbg: 3, banfa: 14, tongzhi: 22, qingkuang: 14, zongjie: 6, jihua: 8, fazhi: 4, xxgk: 5, jiedu: 8, yusuan: 3, dafu: 4 } },
  { id: 'fgj', name: '合成区发展和改革局', short: '区发改局', code: '003', abbr: '发改', domains: ['develop', 'commerce', 'science'], weight: 5 },
  { id: 'jyj', name: '合成区教育局', short: '区教育局', code: '006', abbr: '教', domains: ['education'], weight: 6 },
  { id: 'gaj', name: '合成市公安局合成分局', short: '合成公安分局', code: '011', abbr: '公', domains: ['police'], weight: 4, kinds: ENFORCEMENT_KINDS },
  { id: 'sfj', name: '合成区司法局', short: '区司法局', code: '012', abbr: '司', domains: ['justice', 'general'], weight: 6, kinds: { ...ENFORCEMENT_KINDS, fazhi: 14, banfa: 6 } },
  { id: 'czj', name: '合成区财政局', short: '区财政局', code: '014', abbr: '财', domains: ['finance'], weight: 5, kinds: { ...DEPARTMENT_KINDS, yusuan: 18 } },
  { id: 'rsj', name: '合成区人力资源和社会保障局', short: '区人力社保局', code: '016', abbr: '人社', domains: ['labor'], weight: 5, kinds: ENFORCEMENT_KINDS },
  { id: 'sthj', name: '合成市生态环境局合成分局', short: '区生态环境分局', code: '021', abbr: '环', domains: ['environment'], weight: 4, kinds: ENFORCEMENT_KINDS },
  { id: 'zjj', name: '合成区住房和城乡建设局', short: '区住建局', code: '023', abbr: '建', domains: ['housing'], weight: 5, kinds: ENFORCEMENT_KINDS },
  { id: 'jtj', name: '合成区交通运输局', short: '区交通运输局', code: '025', abbr: '交', domains: ['transport'], weight: 3, kinds: ENFORCEMENT_KINDS },
  { id: 'nyj', name: '合成区农业农村局', short: '区农业农村局', code: '027', abbr: '农', domains: ['rural', 'water'], weight: 5, kinds: ENFORCEMENT_KINDS },
  { id: 'wgl', name: '合成区文化和广电旅游体育局', short: '区文广旅体局', code: '032', abbr: '文', domains: ['culture'], weight: 3, kinds: ENFORCEMENT_KINDS },
  { id: 'wjj', name: '合成区卫生健康局', short: '区卫健局', code: '034', abbr: '卫', domains: ['health'], weight: 6, kinds: ENFORCEMENT_KINDS },
  { id: 'mzj', name: '合成区民政局', short: '区民政局', code: '035', abbr: '民', domains: ['civil', 'veteran'], weight: 6 },
  { id: 'scjg', name: '合成区市场监督管理局', short: '区市场监管局', code: '041', abbr: '市监', domains: ['market'], weight: 6, kinds: ENFORCEMENT_KINDS },
  { id: 'yjj', name: '合成区应急管理局', short: '区应急管理局', code: '047', abbr: '应急', domains: ['emergency'], weight: 5, kinds: ENFORCEMENT_KINDS },
  { id: 'ybj', name: '合成区医疗保障局', short: '区医保局', code: '052', abbr: '医保', domains: ['medical'], weight: 3, kinds: ENFORCEMENT_KINDS },
  { id: 'zhzf', name: '合成区综合行政执法局', short: '区综合执法局', code: '058', abbr: '综执', domains: ['urban', 'environment'], weight: 5, kinds: ENFORCEMENT_KINDS },
  { id: 'xfj', name: '合成区信访局', short: '区信访局', code: '061', abbr: '信', domains: ['petition', 'general'], weight: 2 },
  { id: 'sjj', name: '合成区数据资源管理局', short: '区数据局', code: '063', abbr: '数', domains: ['data', 'general'], weight: 2 },
  { id: 'qingshi', name: '合成区青石街道办事处', short: '青石街道', code: '081', abbr: '青街', domains: ['town', 'civil'], weight: 4, kinds: TOWN_KINDS, town: '青石街道' },
  { id: 'donghu', name: '合成区东湖街道办事处', short: '东湖街道', code: '082', abbr: '东街', domains: ['town', 'urban'], weight: 4, kinds: TOWN_KINDS, town: '东湖街道' },
  { id: 'liuxi', name: '合成区柳溪镇人民政府', short: '柳溪镇', code: '085', abbr: '柳', domains: ['town', 'rural'], weight: 4, kinds: TOWN_KINDS, town: '柳溪镇' },
  { id: 'tongling', name: '合成区桐岭镇人民政府', short: '桐岭镇', code: '086', abbr: '桐', domains: ['town', 'rural', 'water'], weight: 3, kinds: TOWN_KINDS, town: '桐岭镇' },
];

/** Streets and towns of the district, and the communities and villages under each. */
export const TOWNS: Record<string, string[]> = {
  青石街道: ['青石社区', '西苑社区', '文昌社区', '锦华社区', '春晖社区', '梅园社区'],
  东湖街道: ['东湖社区', '翠湖社区', '望江社区', '临河社区', '新桥社区', '湖滨社区'],
  柳溪镇: ['花溪村', '石门村', '竹林村', '上塘村', '下洋村', '柳溪社区', '溪口'],
  桐岭镇: ['岭头村', '湖口村', '樟树村', '枫林村', '龙潭村', '桐岭社区', '云台'],
  凤鸣街道: ['凤鸣社区', '凤栖社区', '鸣翠社区', '平湖'],
  白沙镇: ['白沙社区', '后山村', '前溪村', '马鞍村', '红旗村', '沙洲'],
  金港街道: ['金港社区', '港湾社区', '海棠社区', '泉塘'],
  南塘镇: ['南塘社区', '鹤田村', '桃源村', '杏坞村', '横街村', '双桥村', '梅岭'],
};

/** Two-character names stand alone (片区, 区块): 溪口、云台 … */
export const TWO_CHARACTER_PLACES = ['溪口', '云台', '平湖', '沙洲', '泉塘', '梅岭'];

/**
 * Noun phrases by domain, most characteristic first. Every entry reads as a
 * field of work: it can follow 推进 or precede 工作.
 */
export const DOMAIN_NOUNS: Record<string, string[]> = {
  general: [
    '政务服务', '营商环境', '依法行政', '政务公开', '重大行政决策', '行政执法', '行政复议', '行政应诉', '政府信息公开',
    '合法性审查', '规范性文件备案审查', '公平竞争审查', '政务诚信建设', '权责清单管理', '证明事项告知承诺制', '法律顾问制度',
    '公职律师管理', '督查督办', '绩效考核', '机关作风建设', '党风廉政建设', '意识形态工作', '干部队伍建设', '内部控制',
    '档案管理', '保密工作', '政务值班', '机关事务管理', '基层减负', '调查研究',
  ],
  data: [
    '数字政府', '一网通办', '公共数据共享', '公共数据开放', '政务云平台', '电子证照应用', '网络安全', '数据安全管理',
    '政务服务中心建设', '自助服务终端布设', '跨省通办', '“一件事”集成改革', '政务服务好差评', '12345热线', '政务新媒体管理',
    '政府网站集约化', '数据资源目录编制', '无证明城市建设',
  ],
  justice: [
    '人民调解', '社区矫正', '法律援助', '公共法律服务', '普法宣传', '矛盾纠纷多元化解', '行政执法监督', '安置帮教', '公证服务',
    '法治乡村建设', '民主法治示范村创建', '律师行业管理', '司法鉴定管理', '法治文化阵地建设', '调解员队伍建设', '诉调对接',
    '访调对接', '行政争议实质性化解', '法治政府建设示范创建', '刑满释放人员衔接帮扶',
  ],
  civil: [
    '最低生活保障', '养老服务', '特困人员供养', '临时救助', '居家养老服务', '社会组织管理', '婚姻登记', '殡葬改革', '儿童福利',
    '未成年人保护', '残疾人两项补贴', '社区治理', '区划地名管理', '慈善事业', '社会工作', '志愿服务', '低收入人口动态监测',
    '困境儿童保障', '老年助餐服务', '孤寡老人关爱', '村（居）民委员会换届', '社会救助', '养老机构安全管理',
  ],
  market: [
    '食品安全', '市场主体登记', '药品安全', '特种设备安全', '产品质量监管', '知识产权保护', '“双随机、一公开”监管', '价格监督检查',
    '消费者权益保护', '企业信用监管', '计量监督', '标准化建设', '商标品牌建设', '反不正当竞争', '广告监管', '网络交易监管',
    '校园食品安全', '农贸市场改造提升', '食品小作坊整治', '冷链食品监管', '电梯安全', '质量强区建设', '个体工商户培育',
  ],
  emergency: [
    '安全生产', '防汛防台', '隐患排查治理', '危险化学品安全', '森林防火', '应急预案管理', '应急救援队伍建设', '应急物资储备',
    '双重预防机制建设', '安全生产责任制', '企业安全生产标准化', '地质灾害防治', '避灾安置场所建设', '有限空间作业安全',
    '燃气安全', '消防安全', '烟花爆竹管理', '应急值守', '防灾减灾救灾', '基层应急能力建设', '工贸企业安全',
  ],
  education: [
    '义务教育', '学前教育', '校园安全', '课后服务', '教师队伍建设', '集团化办学', '教育均衡发展', '中小学校舍建设', '学生资助',
    '职业教育', '家庭教育', '校外培训机构治理', '招生入学', '智慧校园建设', '体育美育', '劳动教育', '心理健康教育', '教育督导',
    '师德师风建设', '特殊教育', '学生近视防控',
  ],
  health: [
    '基本公共卫生服务', '家庭医生签约服务', '医共体建设', '疾病预防控制', '爱国卫生运动', '分级诊疗', '健康促进', '妇幼健康',
    '老年健康服务', '托育服务', '院前急救', '卫生监督', '基层医疗卫生机构建设', '中医药服务', '预防接种', '慢性病管理',
    '传染病防控', '职业病防治', '无偿献血', '医疗纠纷调处', '居民健康档案', '医疗质量安全',
  ],
  labor: [
    '就业创业', '社会保险', '职业技能培训', '根治欠薪', '高校毕业生就业', '养老保险', '工伤保险', '失业保险', '劳动保障监察',
    '劳动人事争议仲裁', '人才引进', '事业单位公开招聘', '技能人才评价', '零工市场建设', '灵活就业人员参保', '农民工工资支付',
    '和谐劳动关系', '稳岗返还', '创业担保贷款',
  ],
  medical: [
    '城乡居民医疗保险', '医保基金监管', '城乡医疗救助', '长期护理保险', '医保支付方式改革', '药品集中带量采购',
    '异地就医直接结算', '门诊慢特病管理', '定点医药机构管理', '医保信息化建设', '大病保险', '医保经办服务',
  ],
  housing: [
    '老旧小区改造', '建筑施工安全', '物业管理', '城镇燃气管理', '住房保障', '建筑市场秩序', '保障性租赁住房', '公共租赁住房',
    '房地产市场监管', '商品房预售资金监管', '城市更新', '海绵城市建设', '装配式建筑', '未来社区建设', '白蚁防治',
    '农村危房改造', '历史建筑保护', '工程质量监督', '既有住宅加装电梯',
  ],
  environment: [
    '大气污染防治', '水污染防治', '生态环境保护督察整改', '土壤污染防治', '排污许可', '环境影响评价', '环境信访', '固体废物管理',
    '危险废物规范化管理', '噪声污染防治', '饮用水水源保护', '生态文明建设', '环境执法', '臭氧污染防治', '污水零直排区建设',
    '无废城市建设', '机动车尾气治理', '扬尘污染治理',
  ],
  rural: [
    '乡村振兴', '农村人居环境整治', '高标准农田建设', '粮食生产', '耕地保护', '农村集体经济', '美丽乡村建设', '农业面源污染治理',
    '动物防疫', '农产品质量安全', '家庭农场培育', '农民专业合作社规范提升', '宅基地管理', '农村产权交易', '农村生活污水治理',
    '农村集体“三资”管理', '村级组织建设', '移风易俗', '村规民约修订',
  ],
  water: [
    '河长制', '湖长制', '防汛抗旱', '水土保持', '农村饮用水', '山塘水库安全', '水资源管理', '河道综合治理', '幸福河湖建设',
    '水利工程运行管理', '河湖“清四乱”', '节水型社会建设', '渔业资源保护',
  ],
  transport: [
    '道路运输管理', '农村公路建设', '“四好农村路”建设', '交通运输安全', '公交优先', '出租汽车管理', '网约车监管', '治超工作',
    '城乡客运一体化', '停车设施建设', '公路养护', '城乡物流体系建设', '共享单车管理', '交通拥堵治理',
  ],
  develop: [
    '重大项目建设', '固定资产投资', '国民经济和社会发展规划', '项目审批', '价格管理', '粮食储备', '节能审查', '社会信用体系建设',
    '惠企政策兑现', '民营经济发展', '招商引资', '专项债券项目管理', '统计调查', '统计执法', '服务业发展',
  ],
  finance: [
    '财政预算管理', '预算绩效管理', '政府采购', '国有资产管理', '政府债务管理', '财政资金直达', '非税收入管理', '审计整改',
    '经济责任审计', '政策跟踪审计', '减税降费', '会计监督', '财政票据管理', '国库集中支付', '财会监督',
  ],
  commerce: [
    '招商引资', '消费促进', '外贸稳增长', '商贸流通', '夜间经济', '电子商务', '老字号保护', '商业网点规划', '成品油市场整治',
    '单用途预付卡管理', '再生资源回收',
  ],
  culture: [
    '公共文化服务', '文物安全', '全民健身', '文化遗产保护', '旅游市场秩序', '非物质文化遗产保护', 'A级景区创建', '农家书屋',
    '文化市场综合执法', '体育场馆开放', '文旅融合', '乡村文化礼堂',
  ],
  science: ['科技创新', '高新技术企业培育', '科技型中小企业', '研发投入', '科技成果转化', '孵化器建设', '科技特派员', '人才创新创业'],
  police: [
    '社会治安防控', '电信网络诈骗防范', '道路交通安全', '户籍管理', '平安建设', '出入境服务', '治安管理', '禁毒工作',
    '重点人员管控', '校园周边治安', '矛盾纠纷排查化解',
  ],
  urban: [
    '城市管理', '市容环境', '违法建设治理', '户外广告管理', '渣土运输管理', '占道经营治理', '城市内涝防治', '市政设施养护',
    '园林绿化', '环卫保洁', '街面秩序', '餐饮油烟治理', '背街小巷整治', '公厕提升改造',
  ],
  petition: [
    '信访事项办理', '领导干部接访下访', '初信初访办理', '重复信访治理', '网上信访', '信访积案化解', '社会稳定风险评估',
    '信访秩序维护',
  ],
  veteran: ['退役军人安置', '优抚对象服务', '拥军优属', '双拥模范城创建', '烈士纪念设施管理', '退役军人就业创业', '退役军人服务站建设'],
  town: [
    '网格化管理', '社区服务', '物业纠纷调处', '邻里中心建设', '党群服务中心建设', '新时代文明实践', '共享法庭', '民主协商',
    '乡贤参事会', '基层治理', '居家养老', '小区环境整治', '文明创建',
  ],
};

/**
 * Topics of their time: used only in reports covering a year within [from, to],
 * prominently by agencies of the given domains (all agencies when none given).
 */
export const ERA_TERMS: { term: string; from: number; to: number; domains?: string[] }[] = [
  { term: '疫情防控', from: 2020, to: 2022 },
  { term: '常态化疫情防控', from: 2020, to: 2022, domains: ['health', 'town', 'market', 'general'] },
  { term: '复工复产', from: 2020, to: 2020, domains: ['develop', 'labor', 'commerce', 'town'] },
  { term: '第七次全国人口普查', from: 2020, to: 2021, domains: ['develop', 'town', 'police'] },
  { term: '第四次全国经济普查', from: 2018, to: 2019, domains: ['develop', 'finance'] },
  { term: '第五次全国经济普查', from: 2023, to: 2024, domains: ['develop', 'finance'] },
  { term: '脱贫攻坚', from: 2015, to: 2020, domains: ['rural', 'civil', 'town'] },
  { term: '精准扶贫', from: 2014, to: 2020, domains: ['rural', 'civil', 'town'] },
  { term: '扫黑除恶专项斗争', from: 2018, to: 2021, domains: ['police', 'justice', 'town', 'market'] },
  { term: '常态化扫黑除恶斗争', from: 2021, to: 2025, domains: ['police', 'justice', 'town'] },
  { term: '“最多跑一次”改革', from: 2017, to: 2020, domains: ['general', 'data', 'market'] },
  { term: '“放管服”改革', from: 2015, to: 2025, domains: ['general', 'data', 'market', 'develop'] },
  { term: '民法典宣传', from: 2020, to: 2025, domains: ['justice', 'civil', 'town'] },
  { term: '“六五”普法', from: 2012, to: 2015, domains: ['justice', 'general'] },
  { term: '“七五”普法', from: 2016, to: 2020, domains: ['justice', 'general'] },
  { term: '“八五”普法', from: 2021, to: 2025, domains: ['justice', 'general'] },
  { term: '共同富裕', from: 2021, to: 2025 },
  { term: '数字化改革', from: 2021, to: 2025, domains: ['data', 'general'] },
  { term: '新质生产力', from: 2024, to: 2025, domains: ['develop', 'science', 'commerce'] },
  { term: '美丽乡村', from: 2012, to: 2019, domains: ['rural', 'town', 'water'] },
  { term: '垃圾分类', from: 2019, to: 2025, domains: ['urban', 'town', 'housing'] },
  { term: '城市更新', from: 2021, to: 2025, domains: ['housing', 'urban'] },
  { term: '文明城市创建', from: 2012, to: 2025, domains: ['town', 'urban', 'culture'] },
  { term: '国家卫生城市创建', from: 2012, to: 2016, domains: ['health', 'urban'] },
  { term: '“三改一拆”', from: 2013, to: 2018, domains: ['urban', 'housing'] },
  { term: '小城镇环境综合整治', from: 2016, to: 2019, domains: ['town', 'urban', 'rural'] },
  { term: '“双减”', from: 2021, to: 2025, domains: ['education'] },
  { term: '智慧城市', from: 2013, to: 2019, domains: ['data', 'urban'] },
  { term: '电子政务', from: 2012, to: 2016, domains: ['data', 'general'] },
  { term: '碳达峰碳中和', from: 2021, to: 2025, domains: ['environment', 'develop'] },
  { term: '安全生产专项整治三年行动', from: 2020, to: 2022, domains: ['emergency', 'housing', 'transport'] },
  { term: '自然灾害综合风险普查', from: 2020, to: 2022, domains: ['emergency', 'water'] },
  { term: '党史学习教育', from: 2021, to: 2021 },
  { term: '学习贯彻主题教育', from: 2023, to: 2023 },
  { term: '“两学一做”学习教育', from: 2016, to: 2017 },
  { term: '党的群众路线教育实践活动', from: 2013, to: 2014 },
  { term: '中央八项规定精神', from: 2013, to: 2025, domains: ['general', 'finance'] },
  { term: '“证照分离”改革', from: 2018, to: 2021, domains: ['market', 'data'] },
  { term: '“多证合一”改革', from: 2016, to: 2018, domains: ['market'] },
  { term: '“三证合一”登记制度改革', from: 2015, to: 2016, domains: ['market'] },
  { term: '不动产统一登记', from: 2015, to: 2017, domains: ['housing'] },
  { term: '全面两孩政策', from: 2016, to: 2018, domains: ['health'] },
  { term: '三孩生育政策', from: 2021, to: 2025, domains: ['health'] },
  { term: '清廉机关建设', from: 2021, to: 2025, domains: ['general'] },
  { term: '12345热线归并', from: 2020, to: 2021, domains: ['data', 'petition'] },
  { term: '低效用地再开发', from: 2014, to: 2024, domains: ['develop', 'housing'] },
  { term: '“五水共治”', from: 2014, to: 2020, domains: ['water', 'environment', 'rural'] },
  { term: '“千万工程”', from: 2023, to: 2025, domains: ['rural', 'town'] },
  { term: '营商环境优化提升', from: 2019, to: 2025, domains: ['general', 'develop', 'market', 'data'] },
  { term: '增值税小规模纳税人减免', from: 2019, to: 2023, domains: ['finance', 'develop'] },
];

/** Guiding phrases of opening paragraphs, by period (three hold for any year). */
export const IDEAS: { text: string; from: number; to: number }[] = [
  { text: '深入贯彻党的十八大和十八届三中、四中全会精神', from: 2012, to: 2016 },
  { text: '认真落实中央和省、市关于全面推进依法治国的决策部署', from: 2014, to: 2017 },
  { text: '深入贯彻党的十九大精神', from: 2018, to: 2022 },
  { text: '深入学习贯彻党的二十大精神', from: 2022, to: 9999 },
  { text: '坚持以人民为中心的发展思想', from: 0, to: 9999 },
  { text: '坚持稳中求进工作总基调', from: 2013, to: 9999 },
  { text: '紧紧围绕区委、区政府中心工作', from: 0, to: 9999 },
  { text: '坚持把依法行政贯穿于履职全过程', from: 0, to: 9999 },
  { text: '坚持目标导向、问题导向和结果导向', from: 2016, to: 9999 },
  { text: '统筹发展和安全', from: 2020, to: 9999 },
];

/** Four-character verb phrases, most frequent first. */
export const VERBS = [
  '深入推进', '全面落实', '持续加强', '进一步完善', '扎实开展', '稳步推进', '大力推进', '着力提升', '切实加强', '认真贯彻',
  '不断健全', '统筹推进', '积极探索', '严格落实', '加快构建', '全力做好', '持续深化', '有序推进', '精心组织', '扎实推进',
  '全面推行', '规范开展', '不断优化', '深化拓展', '全面加强', '持续推进', '积极推进', '认真做好', '着力加强', '加快推进',
  '全面提升', '依法开展', '集中开展', '组织开展', '全面开展', '强力推进', '高质量推进', '常态化开展', '创新开展', '协同推进',
  '系统推进', '持续优化', '全面规范', '切实做好', '努力提升', '不断深化', '稳妥推进', '主动做好', '严格规范', '探索建立',
  '逐步完善', '全面梳理', '深入开展', '纵深推进', '扎实做好', '统筹做好', '迭代升级', '全力推进', '全面深化', '着力推进',
];

/** Two-character verbs for tight phrasing (强化组织领导). */
export const SHORT_VERBS = [
  '强化', '健全', '完善', '落实', '推进', '加强', '优化', '提升', '规范', '深化', '夯实', '压实', '筑牢', '织密', '拓展', '畅通',
  '创新', '聚焦', '紧盯', '突出', '抓好', '抓实', '守牢', '兜牢', '提高', '补齐', '破解', '做实', '擦亮', '打响',
];

/** What a subsection title says after its verb: 强化组织领导，压实工作责任. */
export const TITLE_OBJECTS = [
  '组织领导', '工作责任', '制度保障', '源头治理', '工作机制', '队伍建设', '监督考核', '宣传引导', '服务效能', '基层基础',
  '风险防控', '协同联动', '数字赋能', '作风建设', '问题整改', '要素保障', '底线思维', '民生保障', '执法规范', '服务质效',
  '信息公开', '主体责任', '重点任务', '闭环管理', '长效常治', '示范引领', '能力建设', '群众参与', '资金保障', '考核评价',
];

export const RESULTS = [
  '取得明显成效', '成效逐步显现', '群众满意度持续提升', '各项指标均完成年度目标', '工作水平进一步提高',
  '形成了一批可复制可推广的经验做法', '得到上级部门的充分肯定', '实现了预期目标', '群众获得感明显增强', '工作质效稳步提升',
  '相关工作走在全市前列', '位列全市第一方阵', '未发生重大责任事故', '办理质量和效率进一步提高', '基层基础更加坚实',
  '工作规范化水平明显提高', '实现了“零差错、零投诉”', '有效维护了群众合法权益', '社会效益和经济效益同步提升',
  '相关做法被市级部门推广', '服务对象满意率达到较高水平', '制度体系日趋完善', '风险隐患得到有效管控',
];

export const PROBLEMS = [
  '工作推进还不够平衡', '基层工作力量相对薄弱', '信息化支撑水平有待提升', '部分工作人员法治意识还不够强',
  '宣传引导的覆盖面还不够广', '个别制度执行还不够到位', '部分领域风险隐患依然存在', '专业人才较为缺乏', '资金保障压力较大',
  '数据共享程度还不高', '部门之间协同配合还不够紧密', '考核评价机制有待完善', '群众参与的积极性还不够高',
  '精细化管理水平还有差距', '执法文书制作还不够规范', '个别事项办理时限偏长', '政策知晓率还不够高', '基础台账更新不够及时',
  '创新举措还不够多', '部分村（社区）工作发展不均衡',
];

/** Mechanisms, systems and tools. */
export const MECHANISMS = [
  '工作机制', '长效机制', '联席会议制度', '工作台账', '问题清单', '责任清单', '任务清单', '工作专班', '考核评价办法',
  '督查通报制度', '闭环管理机制', '首问负责制', '限时办结制', '容缺受理机制', '信息共享平台', '风险预警机制',
  '分级分类管理制度', '工作指引', '操作规程', '应急预案', '区、街道（镇）、村（社区）三级联动机制', '一站式服务窗口',
  '评估指标体系', '“红黄绿”三色管理', '周报告、月通报制度', '动态清零机制', '容错纠错机制', '专家论证制度',
];

export const MEETINGS = [
  '区政府常务会议', '局党组会议', '局长办公会议', '党工委会议', '专题推进会', '工作部署会', '联席会议', '现场推进会',
  '季度工作分析会', '工作例会', '动员大会', '业务培训会', '党委会议', '主任办公会议', '工作座谈会',
];

/** Groups of units that receive instructions. */
export const UNITS = [
  '各街道（镇）', '区级各部门', '各村（社区）', '辖区企业', '各中小学校', '各医疗卫生机构', '重点企业', '行业协会', '执法人员',
  '窗口工作人员', '网格员', '志愿者', '社会组织', '物业服务企业', '养老机构', '定点医药机构', '农贸市场', '建筑工地',
  '小微企业', '个体工商户', '村（社区）干部', '机关干部', '法律顾问', '人民调解员',
];

/** Units counted in 家: 检查{BIZ}{nn}家次. */
export const BUSINESSES = [
  '辖区企业', '重点企业', '餐饮服务单位', '小微企业', '养老机构', '定点医药机构', '农贸市场', '建筑工地', '物业服务企业',
  '危险化学品经营单位', '校外培训机构', '工贸企业', '医疗机构', '加油站', '出租房屋', '人员密集场所', '涉企经营户',
];

/** Whom services serve. */
export const SERVED = [
  '群众', '企业', '困难群众', '老年人', '残疾人', '新就业形态劳动者', '外来务工人员', '未成年人', '退役军人', '低收入家庭',
  '市场主体', '中小微企业', '高校毕业生', '留守儿童', '独居老人', '农户',
];

/** Activities that get counted: 开展{ACT}{n}场次. */
export const ACTIVITIES = [
  '宣传活动', '专项检查', '业务培训', '督查', '走访调研', '集中宣讲', '应急演练', '联合执法', '明查暗访', '入户走访',
  '专题讲座', '“送法进企业”活动', '志愿服务活动', '政策宣讲', '现场观摩',
];

/** National laws and regulations, and fictional local ones; domain and period of validity. */
export const LAWS: { name: string; domain: string; from?: number; to?: number }[] = [
  { name: '《中华人民共和国行政处罚法》', domain: 'general' },
  { name: '《中华人民共和国行政许可法》', domain: 'general' },
  { name: '《中华人民共和国行政复议法》', domain: 'general' },
  { name: '《中华人民共和国行政诉讼法》', domain: 'general' },
  { name: '《中华人民共和国政府信息公开条例》', domain: 'general' },
  { name: '《中华人民共和国民法典》', domain: 'justice', from: 2020 },
  { name: '《优化营商环境条例》', domain: 'general', from: 2020 },
  { name: '《法治政府建设实施纲要（2015—2020年）》', domain: 'general', from: 2016, to: 2020 },
  { name: '《法治政府建设实施纲要（2021—2025年）》', domain: 'general', from: 2021 },
  { name: '《重大行政决策程序暂行条例》', domain: 'general', from: 2019 },
  { name: '《信访条例》', domain: 'petition', to: 2022 },
  { name: '《信访工作条例》', domain: 'petition', from: 2022 },
  { name: '《中华人民共和国人民调解法》', domain: 'justice' },
  { name: '《中华人民共和国社区矫正法》', domain: 'justice', from: 2020 },
  { name: '《中华人民共和国法律援助法》', domain: 'justice', from: 2022 },
  { name: '《中华人民共和国安全生产法》', domain: 'emergency' },
  { name: '《中华人民共和国突发事件应对法》', domain: 'emergency' },
  { name: '《中华人民共和国消防法》', domain: 'emergency' },
  { name: '《中华人民共和国食品安全法》', domain: 'market' },
  { name: '《中华人民共和国特种设备安全法》', domain: 'market' },
  { name: '《中华人民共和国药品管理法》', domain: 'market' },
  { name: '《中华人民共和国消费者权益保护法》', domain: 'market' },
  { name: '《中华人民共和国反不正当竞争法》', domain: 'market' },
  { name: '《社会救助暂行办法》', domain: 'civil' },
  { name: '《中华人民共和国未成年人保护法》', domain: 'civil' },
  { name: '《中华人民共和国老年人权益保障法》', domain: 'civil' },
  { name: '《保障农民工工资支付条例》', domain: 'labor', from: 2020 },
  { name: '《中华人民共和国劳动合同法》', domain: 'labor' },
  { name: '《中华人民共和国就业促进法》', domain: 'labor' },
  { name: '《中华人民共和国环境保护法》', domain: 'environment' },
  { name: '《中华人民共和国大气污染防治法》', domain: 'environment' },
  { name: '《中华人民共和国水污染防治法》', domain: 'environment' },
  { name: '《中华人民共和国土壤污染防治法》', domain: 'environment', from: 2019 },
  { name: '《中华人民共和国固体废物污染环境防治法》', domain: 'environment' },
  { name: '《中华人民共和国噪声污染防治法》', domain: 'environment', from: 2022 },
  { name: '《中华人民共和国河道管理条例》', domain: 'water' },
  { name: '《中华人民共和国防洪法》', domain: 'water' },
  { name: '《中华人民共和国道路交通安全法》', domain: 'transport' },
  { name: '《中华人民共和国公路法》', domain: 'transport' },
  { name: '《中华人民共和国教育法》', domain: 'education' },
  { name: '《中华人民共和国义务教育法》', domain: 'education' },
  { name: '《中华人民共和国家庭教育促进法》', domain: 'education', from: 2022 },
  { name: '《中华人民共和国基本医疗卫生与健康促进法》', domain: 'health', from: 2020 },
  { name: '《中华人民共和国传染病防治法》', domain: 'health' },
  { name: '《医疗保障基金使用监督管理条例》', domain: 'medical', from: 2021 },
  { name: '《中华人民共和国退役军人保障法》', domain: 'veteran', from: 2021 },
  { name: '《中华人民共和国统计法》', domain: 'develop' },
  { name: '《中华人民共和国审计法》', domain: 'finance' },
  { name: '《中华人民共和国预算法》', domain: 'finance' },
  { name: '《中华人民共和国政府采购法》', domain: 'finance' },
  { name: '《物业管理条例》', domain: 'housing' },
  { name: '《城镇燃气管理条例》', domain: 'housing' },
  { name: '《建设工程质量管理条例》', domain: 'housing' },
  { name: '《中华人民共和国乡村振兴促进法》', domain: 'rural', from: 2021 },
  { name: '《中华人民共和国农产品质量安全法》', domain: 'rural' },
  { name: '《中华人民共和国动物防疫法》', domain: 'rural' },
  { name: '《中华人民共和国数据安全法》', domain: 'data', from: 2021 },
  { name: '《中华人民共和国个人信息保护法》', domain: 'data', from: 2021 },
  { name: '《中华人民共和国网络安全法》', domain: 'data', from: 2017 },
  { name: '《中华人民共和国档案法》', domain: 'general' },
  { name: '《中华人民共和国保守国家秘密法》', domain: 'general' },
  { name: '《中华人民共和国文物保护法》', domain: 'culture' },
  { name: '《中华人民共和国公共文化服务保障法》', domain: 'culture', from: 2017 },
  { name: '《中华人民共和国治安管理处罚法》', domain: 'police' },
  { name: '《中华人民共和国反电信网络诈骗法》', domain: 'police', from: 2022 },
  { name: '《中华人民共和国科学技术进步法》', domain: 'science' },
  { name: '《中华人民共和国兵役法》', domain: 'veteran' },
  { name: '《城市市容和环境卫生管理条例》', domain: 'urban' },
  { name: '《合成市城市市容和环境卫生管理条例》', domain: 'urban' },
  { name: '《合成市养老服务促进条例》', domain: 'civil', from: 2019 },
  { name: '《合成市电梯安全条例》', domain: 'market', from: 2017 },
  { name: '《合成市河道管理办法》', domain: 'water' },
  { name: '《合成区行政规范性文件管理办法》', domain: 'general', from: 2018 },
  { name: '《合成市物业管理条例》', domain: 'housing', from: 2016 },
  { name: '《合成市公共数据管理办法》', domain: 'data', from: 2021 },
  { name: '《合成市文明行为促进条例》', domain: 'town', from: 2019 },
  { name: '《合成市民营企业发展促进条例》', domain: 'develop', from: 2021 },
  { name: '《合成市历史文化名城保护条例》', domain: 'culture' },
];

export const SLOGANS = [
  '“放管服”', '“双随机、一公开”', '“一件事一次办”', '“谁执法谁普法”', '“首违不罚”', '“三服务”', '“四个最严”', '“一老一小”',
  '“接诉即办”', '“未诉先办”', '“一网统管”', '“网上办、掌上办”', '“好差评”', '“枫桥经验”', '“三治融合”', '“互联网+监管”',
  '“互联网+政务服务”', '“清单+责任”', '“不见面审批”', '“马上就办”', '“三重一大”', '“门前三包”', '“红黑榜”', '“信用+”',
  '“放心消费”', '“明厨亮灶”', '“一村一法律顾问”', '“蓝天保卫战”', '“四下基层”', '“小事不出村、大事不出镇”',
  '“有事好商量”', '“红色代办”', '“民生微实事”', '“合心办”', '“无事不扰”', '“一窗受理、集成服务”',
];

/** Characters of fictional enterprise, road and estate names. */
export const NAME_CHARS = [
  '华', '兴', '瑞', '恒', '鑫', '博', '安', '康', '泰', '宏', '远', '达', '盛', '源', '丰', '润', '祥', '和', '嘉', '信',
  '誉', '诚', '德', '永', '益', '新', '立', '海', '天', '金', '银', '青', '绿', '明', '光', '辉', '正', '中', '大', '优',
  '锦', '绣', '翠', '云', '溪', '湖', '桥', '岭', '峰', '竹', '松', '柏', '梅', '兰', '菊', '禾', '稻', '桑', '榕', '樟',
  '凤', '鸣', '龙', '鹤', '鹭', '燕', '江', '河', '港', '湾', '沙', '石', '田', '园', '林', '泉', '星', '辰', '阳', '晨',
  '振', '通', '利', '隆', '昌', '茂', '富', '旺', '佳', '美', '顺', '捷', '卓', '越', '凯', '腾', '飞', '航', '智', '汇',
  '聚', '联', '合', '众', '创', '科', '晶', '钢', '铭', '宸', '悦', '馨', '雅', '韵', '朗', '清', '晴', '虹', '霞', '峻',
];

export const INDUSTRIES = [
  '精密机械', '智能装备', '生物科技', '光电', '塑业', '五金', '茶业', '竹木制品', '水产', '粮油', '酒店管理', '供应链管理',
  '食品', '科技', '建设工程', '物流', '机械制造', '新材料', '电子', '纺织', '化工', '医药', '餐饮管理', '物业服务', '环保科技',
  '农业开发', '商贸', '汽车服务', '家居', '包装', '印刷', '能源', '建材', '信息技术', '文化传媒', '旅游开发',
];

export const ENTERPRISE_SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];
export const ROAD_SUFFIXES = ['路', '街', '大道', '巷', '中路', '北路', '南路'];
export const ESTATE_SUFFIXES = ['苑', '花园', '家园', '小区', '府', '公寓', '新村'];

/** What a project builds: {place}{thing}. */
export const PROJECT_THINGS = [
  '污水管网改造工程', '提升改造项目', '农贸市场改造项目', '公园建设工程', '邻里中心项目', '安置房项目', '道路拓宽工程',
  '河道整治工程', '养老服务中心项目', '学校新建工程', '停车场建设项目', '防洪堤加固工程', '文化礼堂建设项目',
  '供水管网延伸工程', '综合体项目', '卫生院迁建工程', '体育公园项目', '雨污分流改造工程',
];

/** Surnames and given-name characters for people addressed in replies. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
export const GIVEN_CHARS = ['建', '国', '华', '伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '文', '斌', '慧', '宇', '欣', '晓', '红', '海', '志', '春', '玲'];

/**
 * Specific, rarely mentioned things: each appears in only a handful of
 * documents however large the corpus, so some queries have few hits.
 */
export const RARE_PHRASES = [
  '青石古井保护性修缮', '柳溪茭白产业园', '东湖社区“银龄食堂”', '白鹭湾湿地公园', '桐木岭隧道', '凤鸣山森林步道',
  '溪口老街历史街区', '云台茶园标准化基地', '沙洲渡口改造', '梅岭古道', '泉塘水库除险加固', '金港物流园区',
  '南塘稻鱼共生示范基地', '鹤田村“共富工坊”', '石门村民宿集聚区', '樟树村古樟群保护', '龙潭瀑布景区', '横街菜市场',
  '翠湖社区“幸福议事厅”', '望江社区“红色物业联盟”', '锦华社区“四点半课堂”', '文昌书院', '春晖社区“爱心冰箱”',
  '新桥社区“共享法庭”', '后山村光伏发电项目', '马鞍村香榧基地', '红旗村集体经济“飞地”项目', '前溪村污水终端提标改造',
  '杏坞村桃花节', '双桥村“乡贤议事会”', '花溪村“村晚”', '竹林村竹笋加工厂', '上塘村“稻香小镇”', '下洋村渔港码头',
  '湖口村“百年堤”', '枫林村红枫古道', '岭头村水库移民安置点', '凤栖社区“时间银行”', '海棠社区“邻里守望”队',
  '合成区“青禾计划”', '合成区“凤还巢”人才工程', '合成区“银发护航”行动', '“合心调”调解品牌', '“溪畔法律诊所”',
  '“石榴籽”民族团结驿站', '“桐心惠企”服务专班', '“柳色新”乡村振兴讲堂', '“白沙夜市”', '“东湖之夜”文化季',
  '“金港号”流动图书车', '“掌上合成”APP', '“合成码”', '“企业码”直通车', '“一老一小”服务综合体', '“小木槿”托育园',
  '“暖蜂驿站”', '“红石榴”家庭服务站', '“阳光厨房”改造', '“清风合成”廉政教育基地', '“青年夜校”', '“周末剧场”',
  '第三届合成区运动会', '合成区首届农民丰收节', '合成区非遗传承展演周', '合成区中小学生研学基地', '合成区第二人民医院迁建',
  '合成区妇幼保健院产科大楼', '合成区应急指挥中心', '合成区政务服务中心东湖分中心', '合成区公共数据平台二期',
  '合成区“城市大脑”驾驶舱', '合成区消防救援站（金港站）', '合成区殡仪馆改扩建', '合成区垃圾焚烧发电厂', '合成区污水处理厂三期',
  '合成区职业技术学校实训楼', '合成区青少年宫', '合成区档案馆新馆', '合成区第三自来水厂', '合成区智慧停车平台',
  '合成区110千伏凤鸣变电站', '合成区城北快速路', '合成区鹭江大桥', '合成区滨江绿道', '合成区老年大学',
];

// ---------------------------------------------------------------------------
// Sentence templates. `{X}` is a slot filled by corpus.ts (see SLOTS there):
//   N N2 noun (N leans to the document's focus)   NP noun without quotes
//   V four-character verb   v two-character verb   TO title object   VP verb phrase
//   R result   PB problem   M mechanism   MT meeting   U units   SERV served group
//   ACT activity   ORG own short name   ORGN own full name   ORG2 another agency
//   P place   TOWN street or town   LAW law   SL slogan   ERA topic of the year
//   IDEA guiding phrase   ENT enterprise   ROAD road   XQ estate   PROJ project
//   DOC title of a local document   PERSON a name   GOAL aim
//   n 2–60   n2 10–500   nn 100–20,000   pct percentage   dp change %   dp0 points
//   money 万元   score   yr covered year   yr0 previous   yr1 next   ym 2021年3月
//   md 3月15日   span 3月至6月   UD 增长/下降   tel phone digits
// ---------------------------------------------------------------------------

export const WORK_SENTENCES = [
  '{V}{N}，{V}{N2}，{R}。',
  '围绕{N}、{N2}等重点领域，{V}专项行动，{FIXED}。',
  '严格执行{LAW}，{V}{N}，{R}。',
  '坚持{SL}工作理念，{V}{N}，推动{N2}{GOAL}。',
  '在{P}、{P}等{n}个村（社区）开展{N}试点，形成了可复制、可推广的经验做法。',
  '{ym}，召开{MT}，专题研究部署{N}，明确{n}项重点任务和责任分工。',
  '全年投入资金{money}，用于{N}和{N2}，惠及{SERV}{nn}人次。',
  '建立{M}，对{N}实行清单化管理、项目化推进，做到“月有进度、季有督查、年有考核”。',
  '以{N}为抓手，以{N2}为重点，{V}{N}，{R}。',
  '联合{ORG2}、{ORG2}等部门开展{ACT}{n}次，检查{BIZ}{nn}家次，{FIXED}。',
  '制定出台{DOC}，进一步明确了工作目标、责任分工和保障措施。',
  '针对{N}中群众反映强烈的突出问题，{V}{N2}，推动问题从“解决一件”向“解决一类”转变。',
  '{TOWN}探索“{NP}+{NP}”工作模式，{R}。',
  '组织{U}参加{N}专题培训{n}期，培训{nn}人次。',
  '推动{N}向街道（镇）、村（社区）延伸，打通服务群众“最后一公里”。',
  '全面推行{SL}，建立健全{M}，{R}。',
  '加强与{ORG2}的信息共享和工作衔接，建立{M}，实现{N}数据“一次采集、多方复用”。',
  '主要负责人认真履行第一责任人职责，全年{n}次听取{N}工作汇报，{n}次带队赴{P}、{P}等地督导检查。',
  '聘请{n}名专职律师担任法律顾问，全年审查各类合同{n2}份、规范性文件{n}件，提出法律意见建议{n2}条。',
  '对{ROAD}、{ROAD}沿线{n2}家经营户开展{ACT}，督促落实{N}主体责任。',
  '指导{ENT}等{n}家企业完成{N}达标创建，示范带动作用明显。',
  '加快推进{PROJ}建设，完成投资{money}，{STATUS}。',
  '畅通{N}投诉举报渠道，全年受理各类诉求{nn}件，办结率{pct}，群众满意率{pct}。',
  '统筹做好{ERA}和{N}工作，{R}。',
  '编印《{NP}工作手册》《{NP}政策汇编》等宣传资料{nn}册，发放至{U}。',
  '依托{N}信息系统，实现{N2}全流程网上办理，平均办理时限压缩至{days}个工作日。',
  '将{N}纳入年度综合考核，考核结果与评先评优挂钩，倒逼责任落实。',
  '开展“{NP}进万家”活动{n}场次，覆盖群众{nn}人次。',
  '坚持“应公开尽公开”原则，全年主动公开{N}相关信息{nn}条。',
  '严格落实{M}，做到{N}事项“件件有回音、事事有着落”。',
  '推进{N}与{N2}深度融合，着力打造“{TOWN}样板”。',
  '完成{N}相关文件清理{CLEANUP}。',
  '在{TOWN}设立{N}服务站{n}个，配备专兼职工作人员{n2}名。',
  '积极争取上级补助资金{money}，{V}{N}基础设施建设。',
  '严格落实限时办结要求，全年办理{N}事项{nn}件，无一超期。',
  '邀请{n}名专家学者和{n}名群众代表参与{N}论证，充分听取各方意见。',
  '通过政府网站、政务新媒体等渠道发布{N}相关信息{nn}条，回应社会关切{n2}次。',
  '{TOWN}结合实际，创新推出{SL}服务模式，{R}。',
  '主动配合{ORG2}做好{N}，共同推动形成齐抓共管的工作格局。',
  '通过“以案释法”等方式，选取{N}领域典型案例{n}件开展警示教育。',
  '加大{N}执法力度，{CASES}，罚没款{money}。',
  '{ym}起，在{XQ}、{XQ}等{n}个小区试行{N}“一站式”服务，居民办事不出小区。',
  '落实“谁主管谁负责”要求，层层签订{N}责任书{n2}份，{R}。',
  '组织开展{N}“回头看”，对{yr0}年以来的{n2}个问题逐一复核，确保整改到位、不反弹。',
  '选派{n}名业务骨干下沉{TOWN}，面对面为{SERV}解答{N}政策问题。',
  '引入第三方机构对{N}开展评估，评估得分{score}分，等次为优秀。',
  '{V}{N}数字化应用场景，“{NP}一件事”在线办理率达到{pct}。',
  '深化{ERA}，{V}{N}，相关经验在全市交流推广。',
  '健全“{NP}+网格”工作体系，{n2}名网格员常态化开展走访排查。',
];

export const STAT_SENTENCES = [
  '全年共受理{N}事项{nn}件，按期办结率{pct}。',
  '截至{yr}年底，全区{N}覆盖率达到{pct}，较上年提高{dp0}个百分点。',
  '{yr}年，全区{N}相关投入{money}，同比{UD}{dp}。',
  '全年累计服务{SERV}{nn}人次，同比{UD}{dp}。',
  '其中，{TOWN}{nn}件，占{share}；{TOWN}{nn}件，占{share}。',
  '{span}，共开展{ACT}{n2}场次，参与人数{nn}人次。',
  '全区共有{BIZ}{n2}家，已全部纳入{N}监管范围。',
  '发放各类补助资金{money}，惠及{SERV}{nn}户。',
  '{N}群众满意度测评得分{score}分，比上年提高{dp0}分。',
  '办理区人大代表建议{n}件、政协委员提案{n}件，满意和基本满意率100%。',
  '新增{N}示范点{n}个，累计建成{n2}个，覆盖全区{pct}的村（社区）。',
  '全年收到与{N}相关的政府信息公开申请{n}件，均在法定期限内答复。',
  '{N}主要指标完成年度目标的{over}，超额完成任务。',
  '全年{CASES}，罚款{money}。',
  '组织{U}{nn}人次参加线上学法考试，参考率{pct}，合格率{pct}。',
  '截至{ym}，累计办理{N}业务{nn}笔，涉及金额{money}。',
  '全年{N}相关案件{n}起，同比{UD}{dp}，未发生较大及以上事故。',
  '{POPULATION}。',
  '涉及{ENT}、{ENT}等{n}家企业，已全部完成整改。',
  '{ROAD}、{ROAD}等{n}条道路沿线{N}问题得到集中整治。',
];

export const PROBLEM_SENTENCES = [
  '一是{PB}；二是{PB}；三是{PB}。',
  '对照上级要求和群众期盼，{N}工作仍存在一些不足，主要是{PB}，{PB}。',
  '{N}方面，{PB}，与高质量发展的要求还有一定差距。',
  '部分{U}对{N}重视程度不够，存在“重业务、轻法治”的现象。',
  '{N}领域新情况新问题不断出现，{PB}。',
  '受编制和经费等因素影响，{PB}，{N}工作的持续性有待加强。',
  '{TOWN}等地{N}工作推进较慢，{PB}。',
  '究其原因，既有{CAUSEA}等客观因素，也有{CAUSEB}等主观因素。',
  '{N}与{N2}的衔接还不够顺畅，{PB}。',
  '部分群众对{N}政策知晓率不高，主动参与的意识不强。',
  '执法人员专业素质参差不齐，面对{N}等新领域的执法能力还不足。',
  '{N}的信息化建设相对滞后，数据统计仍以人工填报为主，{PB}。',
];

export const PLAN_SENTENCES = [
  '{yr1}年，我们将{V}{N}，{V}{N2}，努力推动各项工作再上新台阶。',
  '下一步，将{V}{N}，重点抓好以下工作。',
  '{V}{N}，力争全年{N2}覆盖率达到{pct}以上。',
  '加快推进{PROJ}，确保{yr1}年{mon}月前建成投用。',
  '持续深化{SL}，进一步提升{N}的便利度和满意度。',
  '严格对照{LAW}要求，{V}{N}，切实做到依法履职、规范用权。',
  '健全{M}，推动{N}从“有没有”向“好不好”转变。',
  '加强{U}业务培训，全年计划组织培训不少于{n}期。',
  '把{N}纳入年度重点工作，定期研究、统筹推进。',
  '探索{N}与{N2}融合发展新路径，打造具有合成辨识度的工作品牌。',
  '强化对{N}的监督检查，对发现的问题建立台账、限期整改、逐项销号。',
  '计划投入资金{money}，新建{N}相关设施{n}处。',
  '进一步{v}{TO}，为{N}提供坚强保障。',
  '坚持问题导向，聚焦{N}中的堵点难点，{V}{N2}。',
  '{yr1}年底前，实现{TOWN}、{TOWN}等{n}个街道（镇）{N}全覆盖。',
  '密切关注{ERA}等新形势新任务，{V}{N}。',
  '认真贯彻{LAW}，{V}{N}，确保各项措施落地见效。',
  '围绕{SERV}急难愁盼问题，{V}{N}，让群众有更多获得感。',
];

export const BASIS_SENTENCES = [
  '{IDEA}，{IDEA}，围绕{N}、{N2}等重点工作，为合成区经济社会高质量发展提供有力保障。',
  '到{yr}年底，{N}体系基本建立，{N2}水平明显提升，群众满意度达到{pct}以上。',
  '坚持依法依规、稳妥有序、统筹兼顾的原则，{V}{N}。',
  '根据{LAW}和{LAW}等有关规定，结合我区实际，制定本方案。',
  '{N}是保障和改善民生的重要内容，事关{SERV}切身利益。',
  '各单位要充分认识{N}的重要意义，切实增强责任感和紧迫感。',
  '树立系统观念，把{N}放在全局工作中统筹谋划、整体推进。',
  '坚持问题导向和目标导向相统一，以{N}为切入点，{V}{N2}。',
  '主要目标是：{N}机制更加健全，{N2}能力明显增强，{R}。',
];

/** The bodies of articles, 第X条　…, in a 办法 or 规定. */
export const ARTICLE_SENTENCES = [
  '{U}应当建立健全{M}，明确专人负责{N}工作。',
  '{N}应当遵循依法、公开、公平、便民的原则。',
  '实施{N}应当按照下列程序进行：（一）{VP}；（二）{VP}；（三）{VP}。',
  '申请人提交的材料不齐全或者不符合法定形式的，{ORG}应当当场或者在{days}个工作日内一次性告知需要补正的全部内容。',
  '{ORG}应当自受理申请之日起{days}个工作日内作出决定；情况复杂的，经负责人批准可以延长{days}个工作日。',
  '违反本办法规定，未履行{N}职责的，由其上级机关责令改正；情节严重的，依法追究相关人员责任。',
  '{ORG}应当定期对{N}情况进行评估，评估结果作为改进工作的重要依据。',
  '鼓励{U}参与{N}，对作出突出贡献的单位和个人按照有关规定给予表彰。',
  '{N}相关信息应当通过政府网站等渠道向社会公开，但涉及国家秘密、商业秘密和个人隐私的除外。',
  '{U}在{N}中发现违法行为的，应当及时制止，并向{ORG}报告。',
  '{ORG}应当会同{ORG2}建立{M}，定期通报{N}情况。',
  '从事{N}的工作人员应当具备相应的专业知识，并定期参加业务培训。',
  '{N}所需经费列入同级财政预算，专款专用，任何单位和个人不得截留、挪用。',
  '有下列情形之一的，{ORG}可以依法作出处理：（一）{PBX}的；（二）{PBX}的；（三）法律、法规规定的其他情形。',
];

export const GOALS = ['提质增效', '规范运行', '落地见效', '常态长效', '提档升级', '走深走实', '全面覆盖', '见行见效', '高效协同'];

export const STATUSES = [
  '项目已于{ym}完工并投入使用', '目前主体工程已完工', '完成年度投资计划的{pct}', '已完成初步设计和招标工作',
  '预计{yr1}年上半年竣工', '已完成征地拆迁工作',
];

/** Subsection title endings: 安全生产工作扎实推进. */
export const TITLE_STATUSES = ['扎实推进', '成效明显', '持续深化', '稳步推进', '取得新突破', '进一步规范', '不断完善', '全面加强', '提质增效'];

export const CAUSES_OBJECTIVE = ['编制人员不足', '历史遗留问题较多', '专项经费有限', '基层任务繁重', '新业态发展较快', '上级政策调整频繁'];
export const CAUSES_SUBJECTIVE = ['思想认识不到位', '工作统筹不够', '创新意识不强', '督促检查不够严格', '学习培训不够系统', '责任落实层层递减'];

/** Offending conduct in articles: …的. */
export const VIOLATIONS = [
  '未按规定履行报告义务', '提供虚假材料', '拒绝、阻碍监督检查', '擅自改变用途', '逾期不整改', '未按要求建立台账',
  '泄露个人信息', '超出核定范围经营',
];

/** Sentence openers that link a sentence to the one before. */
export const CONNECTORS = ['同时，', '此外，', '与此同时，', '在此基础上，', '为此，', '截至目前，', '另外，', '特别是，', '一方面，', '另一方面，'];

/** Short pieces that top a body up to its exact size. */
export const SHORT_SENTENCES = [
  '各项工作有序推进。', '取得了较好成效。', '群众反映良好。', '相关工作持续推进。', '效果明显。', '工作稳步推进。',
  '已全部办结。', '均已整改到位。', '运行平稳。', '特此说明。',
];

/** Ways the rare phrases are mentioned. */
export const RARE_SENTENCES = [
  '其中，{RARE}于{ym}正式启动，得到{SERV}的普遍好评。',
  '{RARE}相关工作被列入{yr}年度区政府民生实事项目，目前进展顺利。',
  '重点推进{RARE}，多次召开专题会议研究解决建设中遇到的困难和问题。',
  '以{RARE}为试点，{V}{N}，{R}。',
];
