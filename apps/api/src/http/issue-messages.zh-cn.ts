/**
 * zod's refusals in Chinese, from the issue's code and bounds (kept by the validation pipe), and the
 * field named in the company's words. zod's own zh-CN locale says `期望 string >=1 字符`: the type
 * names stay English, so the console would show an English word after 请求内容不符合要求.
 */
export interface SchemaIssue {
  field: string;
  message: string;
  code?: string;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
  missing?: boolean;
}

/** The request fields people fill in, by their last name in the path. */
const LABELS: Readonly<Record<string, string>> = {
  '(root)': '请求内容', body: '请求内容', form: '申请表', companyName: '公司名称', name: '名称', username: '用户名', password: '密码',
  initialPassword: '初始密码', currentPassword: '当前密码', newPassword: '新密码', email: '电子邮箱', roles: '角色',
  customerId: '客户', customerManagerId: '客户经理', reason: '原因', comment: '意见', comments: '意见', month: '月份',
  year: '年度', tonnes: '吨数', date: '日期', documents: '证件', number: '编号', validFrom: '有效期起', validUntil: '有效期至',
  identifiers: '企业识别码', unifiedSocialCreditCode: '统一社会信用代码', creditCode: '统一社会信用代码',
  businessLicenceNo: '营业执照号', taxRegistrationNo: '税务登记号', organisationCode: '组织机构代码', content: '内容',
  receivedAt: '受理时间', channel: '受理方式', class: '类别', contacts: '联系人', phone: '手机', telephone: '电话',
  address: '地址', invoicing: '开票信息', bank: '开户银行', accountNumber: '银行账号', region: '区域', productLine: '产品线',
  product: '产品', warehouse: '仓库', pickupId: '提货单号', items: '条目', visitedOn: '走访日期', findings: '走访发现',
  title: '名称', agenda: '议程', budgetYuan: '预算', location: '地点', plannedOn: '计划日期', heldOn: '召开日期',
  from: '开始', to: '结束', version: '版本号', text: '内容', summary: '摘要', goal: '目标', quarter: '季度', note: '备注',
  availableTonnes: '可分配资源量', requests: '申请', measures: '改进措施', answers: '答卷', questionnaire: '问卷',
  workingDays: '工作日数', additionalWorkingDays: '延长工作日数', department: '部门', departments: '部门', handler: '经办人',
  delegate: '受托人', kind: '类型', language: '语言', channels: '通知渠道', url: '地址',
};

/** `form.documents.0.number` → 申请表·证件第 1 项·编号; a part with no Chinese name is left out. */
export function zhFieldLabel(path: string): string {
  const words = path.split('.').flatMap((part) => (/^\d+$/.test(part) ? [`第 ${Number(part) + 1} 项`] : LABELS[part] ? [LABELS[part]] : []));
  return words.length ? words.join('·').replace(/·(第 \d+ 项)/g, '$1') : '某一字段';
}

const ORIGIN: Readonly<Record<string, string>> = { string: '个字符', array: '项', set: '项', file: '字节' };

function bound(issue: SchemaIssue, which: 'min' | 'max'): string {
  const n = which === 'min' ? issue.minimum : issue.maximum;
  const unit = ORIGIN[issue.origin ?? ''];
  if (unit) return which === 'min' ? `至少 ${n} ${unit}` : `最多 ${n} ${unit}`;
  if (issue.origin === 'date') return which === 'min' ? `不能早于 ${n}` : `不能晚于 ${n}`;
  const strict = issue.inclusive === false;
  return which === 'min' ? (strict ? `须大于 ${n}` : `不能小于 ${n}`) : strict ? `须小于 ${n}` : `不能大于 ${n}`;
}

const FORMATS: Readonly<Record<string, string>> = {
  email: '电子邮箱格式不正确', url: '网址格式不正确', date: '日期格式不正确（年-月-日）', datetime: '时间格式不正确',
  time: '时间格式不正确', regex: '格式不正确', uuid: '格式不正确', starts_with: '格式不正确', ends_with: '格式不正确',
};

/** The domain schemas' own English messages, in Chinese (their rule id kept). */
const ZH_CUSTOM: ReadonlyArray<readonly [RegExp, string]> = [
  [/not a valid unified social credit code/, '统一社会信用代码不正确（按 GB 32100-2015 的校验位核对）'],
  [/contract ends after it starts/, '合同的结束日期须晚于开始日期'],
  [/validFrom must not be after validUntil/, '有效期起不能晚于有效期至'],
  [/item ids must be unique/, '计划条目不能重复'],
  [/the A threshold must not exceed the B threshold/, 'A 类门槛不能高于 B 类门槛'],
  [/from must not be after to/, '开始月份不能晚于结束月份'],
  [/an upheld case names its sanction/, '成立的案件须写明处理措施'],
  [/only a major or serious complaint may be extended/, '只有较大或严重投诉可以延期'],
];

/** One issue in Chinese: a schema's own Chinese message as written, else said from its code; null when neither. */
export function zhIssueMessage(issue: SchemaIssue): string | null {
  if (!/[A-Za-z]{2,}/.test(issue.message.replace(/\bR-[A-Z]+-\d+\b|\bhttps?:\/\/\S*/g, ''))) return issue.message;
  const rule = /^(R-[A-Z]+-\d+):/.exec(issue.message)?.[1];
  const custom = ZH_CUSTOM.find(([pattern]) => pattern.test(issue.message));
  if (custom) return rule ? `${custom[1]}（${rule}）` : custom[1];
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? '必填' : bound(issue, 'min');
    case 'too_big':
      return bound(issue, 'max');
    case 'invalid_type':
      return issue.missing ? '必填' : issue.expected === 'number' || issue.expected === 'int' ? '须为数字' : '格式不正确';
    case 'invalid_format':
      return FORMATS[issue.format ?? ''] ?? '格式不正确';
    case 'invalid_value':
      return '取值不在允许的范围内';
    case 'not_multiple_of':
      return '须为整数倍';
    case 'unrecognized_keys':
      return `不接受的字段：${(issue.keys ?? []).join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不正确';
    default:
      return rule ? `不符合 ${rule} 的要求` : null;
  }
}
