import { ROLE_WORDING } from '@crm/workflow-kit';
import { isRowErrors, zhImportLead, zhRowError } from './import-messages.zh-cn';
import type { Problem } from './problem';
import { LINES, REFUSAL_SPECIFICS } from './refusal-specifics.zh-cn';

type Translate = (problem: Problem) => string;

/** Fixed English messages of the auth layer, translated whole (they carry no specifics). */
export const ZH_BY_MESSAGE: Readonly<Record<string, string>> = {
  'a bearer token is required': '需要先登录（请求缺少 Bearer 令牌）',
  'token expired': '登录已过期，请重新登录',
  'malformed token': '登录令牌无效，请重新登录',
  'bad signature': '登录令牌无效，请重新登录',
  'token revoked': '登录令牌已被撤销，请重新登录',
  'unknown user or wrong password': '用户名或密码错误',
};

/** English specifics some refusals carry, said in Chinese; the values in them are the caller's own. */
const ZH_SPECIFICS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^user (\S+) already exists$/, (m) => `用户名 ${m[1]} 已被使用，请换一个用户名`],
  [/^no user (\S+)$/, (m) => `没有用户 ${m[1]}`],
  [/^(\d{4}-\d{2}) (\S+): the approved allocation is ([\d.]+) t, ([\d.]+) t are already picked up; ([\d.]+) t more exceed it by ([\d.]+) t/,
    (m) => `${m[1]} ${LINES[m[2]] ?? '该产品线'}批准的资源量为 ${m[3]} t，已提货 ${m[4]} t；再提 ${m[5]} t 将超出 ${m[6]} t（请先调整分配方案）`],
  // R-ARC-5: the sales contracts' own refusals, said in full
  [/^no signed sales contract for (\S+) is in force on (\d{4}-\d{2}-\d{2})$/, (m) => `${m[2]} 没有有效的已签订${LINES[m[1]] ?? '该产品线'}销售合同`],
  [/^a contract is signed on a day that has come$/, () => '签订日期不能晚于今天'],
  [/^a contract ends after it starts$/, () => '合同的截止日期须晚于起始日期'],
  [/^the sales department drafts sales contracts$/, () => '销售合同由销售部门起草'],
  [/^a leader \(主管领导\) approves a sales contract$/, () => '销售合同须由主管领导审批'],
  [/^the person who drafted a contract does not approve it$/, () => '起草人不能审批自己起草的合同'],
  [/^the sales department signs and keeps the contract$/, () => '销售合同由销售部门签订并保管'],
  [/^the sales department or the general manager ends a contract$/, () => '只有销售部门或总经理可以终止合同'],
  [/^body: not valid JSON$/, () => '请求内容不是有效的 JSON'],
  [/^body: incomplete request$/, () => '请求内容不完整'],
  [/^body: (?:could not be read|unsupported encoding or charset)$/, () => '请求内容无法读取'],
  // issue 16: the rest of the domain's refusals (refusal-specifics.zh-cn.ts)
  ...REFUSAL_SPECIFICS,
];

/** Letters that are not a rule id, a code in capitals (HDPE 5000S, SCHEMA, a credit code 91310000MA1FL8XQ3U), an email or the unit t. */
const ENGLISH = /[A-Za-z]{2,}/;
const ALLOWED = /\b(?=[0-9A-Z-]*\d)[0-9A-Z][0-9A-Z-]{7,}\b|\bR-[A-Z]+-\d+\b|\b[A-Z][A-Z0-9_-]*[A-Z0-9]\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d+(?:\.\d+)?\s?t\b/g;
export const hasEnglish = (text: string): boolean => ENGLISH.test(text.replace(ALLOWED, ''));

/**
 * A refusal's specifics in Chinese: a known English sentence translated, Chinese kept, and any other
 * English left out (null) — the Chinese lead before it already says which rule refused; the English
 * stays in the answer's `detail` for support.
 */
export function zhSpecifics(message: string | undefined): string | null {
  // a domain refusal starts with its rule id, which the Chinese lead already names
  const text = message?.replace(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+: /, '');
  if (!text) return null;
  for (const [pattern, say] of ZH_SPECIFICS) {
    const match = pattern.exec(text);
    if (match) return say(match);
  }
  return hasEnglish(text) ? null : text;
}

const specifics = (zh: string): Translate => (p) => {
  const said = zhSpecifics(p.message);
  // a lead that already says it (该待办已改派给他人…) is not said twice
  return said && !zh.includes(said) ? `${zh}：${said}` : zh;
};

/** By rule id: the generic rules are translated; domain rules keep their English specifics after a Chinese lead. */
export const ZH_BY_RULE: Readonly<Record<string, Translate>> = {
  SCHEMA: specifics('请求内容不符合要求'),
  COMMAND: specifics('请求内容不符合要求'),
  AUTH: () => '未登录或登录已失效，请重新登录',
  'AUTH-TEMPORARY-PASSWORD': () => '您正在使用管理员设置的临时密码：请先在“我的账号”中修改密码，再办理其他事项',
  ROLE: (p) => `无权执行此操作：需要以下角色之一：${Array.isArray(p.requiredRoles) ? p.requiredRoles.map((r: string) => (ROLE_WORDING as Record<string, { zh: string }>)[r]?.zh ?? r).join('、') : ''}`,
  'AUDITOR-READ-ONLY': () => '审计人员只能查看，不能修改任何数据',
  CONCURRENCY: () => '数据已被他人修改，请刷新后重试',
  CONFLICT: specifics('与现有数据冲突'),
  STATE: specifics('当前状态不允许此操作'),
  'TASK-DONE': (p) => `该环节已由 ${String(p.completedByName ?? p.completedBy ?? '')}${p.onBehalfOf ? `（代 ${String(p.onBehalfOf)}）` : ''} 于 ${String(p.completedAt ?? '')} 完成（${String(p.command ?? '')}），无需重复处理`,
  'TASK-ASSIGNEE': specifics('该待办已改派给他人，只有被指派人或其代理人可以处理'),
  'TASK-REASSIGN': specifics('不能改派给此人：按审批规则其不能处理该待办'),
  STALE: () => '查询数据尚未更新到最新，请稍后重试',
  THROTTLED: (p) => `失败次数过多，请在 ${String(p.retryAfterSeconds ?? '')} 秒后重试`,
  'PAYLOAD-TOO-LARGE': (p) => `请求内容过大（上限 ${String(p.limitBytes ?? '')} 字节）`,
  'NOT-FOUND': specifics('未找到'),
  'IDEMPOTENCY-KEY': (p) => `幂等键（Idempotency-Key）已被另一请求使用，新的请求请换一个新键${keyOf(p)}`,
  'FILE-TOO-LARGE': (p) => `文件过大（上限 ${String(p.limitBytes ?? '')} 字节，FILE_MAX_BYTES）`,
  'FILE-TYPE': () => '文件类型不支持：只接受 PDF、JPEG 或 PNG（按文件内容判断，不看文件名）',
  'FILE-EMPTY': () => '文件为空',
  'FILE-UNKNOWN': () => '文件不存在：请先上传文件',
  'FILE-MISMATCH': () => '文件与引用不符：请重新上传该文件',
  'FILE-ALTERED': () => '文件在存储中已被篡改，请运行校验',
  IMPORT: (p) => {
    const first = isRowErrors(p.errors) ? p.errors[0] : undefined;
    return first ? `${zhImportLead(p)}（${zhRowError(first, zhOfRule).message}）` : zhImportLead(p);
  },
  'CUSTOMER-UNKNOWN': () => '客户不存在，或您无权查看该客户',
  'R-PRIN-4': specifics('不符合款到发货、货物自提、在公司指定库位提货的规定（R-PRIN-4）'),
  'R-ARC-5': specifics('不符合销售合同的规定（R-ARC-5）'),
  'R-ALLOC-2': specifics('不符合资源量分配规定（R-ALLOC-2）'),
  'ONB-DUPLICATE': specifics('该公司已有进行中的开户申请，或已是该产品线的客户：一个公司每条产品线只登记一次（R-TIER-1）'),
  'R-PRICE-1': specifics('须经价格与客户管理委员会审议批准（R-PRICE-1）'),
  'CMP-POLICY': specifics('投诉处理方案版本号已使用，请换一个新版本号'),
  // ADR 0026: the complaint deadlines and extensions (一般投诉不能延期), and consultations
  'R-CMP-3': specifics('不符合投诉处理时限规定：一般投诉一个工作日内处理、不能延期；较大事件投诉原则上三个工作日内，特殊情况经各级主管领导批准最多七个工作日（R-CMP-3）'),
  'R-CMP-5': specifics('客户咨询须由销售部门及时、准确地记录和答复（R-CMP-5）'),
  'R-CNS-1': specifics('客户咨询须在一般投诉的处理时限（一个工作日）内答复（R-CNS-1）'),
  'R-EVAL-2': specifics('不符合客户评审规定（R-EVAL-2）'),
  // issue 18 (ADR 0023): the grading, renewal-proof and agency refusals
  'R-TIER-2': specifics('不符合客户分级规定（R-TIER-2）'),
  'R-TIER-4': specifics('客户级别依次升降，提货量提出的调整须由销售部结合其他指标确认（R-TIER-4）'),
  'R-TIER-7': specifics('不符合独家代理商管理规定：须持当年独家代理许可证、按月报送下月销售计划（R-TIER-7）'),
  'R-EVAL-1': specifics('资质到期未能按期换证且未获批相关证明，业务暂停（R-EVAL-1）'),
  // issue 18 (ADR 0025): visits, surveys and forums as the policy's forms have them
  'R-VISIT-1': specifics('不符合客户走访计划规定：计划经销售部审批后执行，走访须为本人负责的客户（R-VISIT-1）'),
  'R-VISIT-2': specifics('不符合《走访客户报告单》的填写要求：评分按报告单各栏目的分值，表头及客户签章须填写（R-VISIT-2）'),
  'R-VISIT-3': specifics('走访意见须反馈给主管领导和相关部门（R-VISIT-3）'),
  'R-SURV-1': specifics('不符合客户满意度调查规定：每年一次，按调查问卷答复，调查报告提交公司领导审阅后制定服务改进方案（R-SURV-1）'),
  'R-FORUM-1': specifics('不符合客户座谈会规定：销售部编制筹备计划，经主管领导批准后召开，会后做好记录并归档（R-FORUM-1）'),
  'FORUM-SELF': () => '客户座谈会筹备计划不能由提交人本人审批（FORUM-SELF）',
  // issue 18 (ADR 0024): filings with the parent and archive identity changes
  'R-ARC-3': specifics('客户资料须报产品经销公司化工品销售部备案，并由其定期检查客户档案、客户管理（R-ARC-3）'),
  'R-ARC-1': specifics('客户信息变更须及时记入客户档案；更名或统一社会信用代码变更须经销售部审批（R-ARC-1）'),
  // issue 18 (ADR 0027): customer development
  'DEV-DUPLICATE': specifics('该公司已是公司客户，或已有另一份进行中的开户申请，不是可转化的潜在客户（DEV-DUPLICATE，按开户查重 ONB-DUPLICATE 的公司识别码判断）'),
  'R-DEV-1': specifics('不符合潜在客户档案规定（R-DEV-1）'),
  'R-DEV-2': specifics('不符合市场开发计划规定：销售部分解至客户经理组织实施，并根据完成情况进行考核兑现（R-DEV-2）'),
  'R-DEV-3': specifics('不符合“周总结、月汇报”规定：月度完成情况上报部门经理、总经理（R-DEV-3）'),
  // issue 16: a lead for every rule id the domain throws (the scan in zh-refusals-coverage.spec.ts checks it)
  'R-TIER-1': specifics('不符合按产品分别设置客户及客户登记的规定（R-TIER-1）'),
  'R-TIER-6': specifics('不符合客户准入条件：直销客户须为有一定规模、资金和信誉良好的生产企业，代理商、经销商须在当地诚信经营、资金雄厚、信誉良好（R-TIER-6）'),
  'R-ONB-1': specifics('开户材料不齐：须提供营业执照、税务登记证、组织机构代码证（三证合一后为营业执照）和开票资料（R-ONB-1）'),
  'ONB-SELF': specifics('不符合开户审批的回避规定（ONB-SELF）'),
  'ONB-SOD': specifics('不符合开户审批的职责分离规定（ONB-SOD）'),
  'ONB-ASSIGNEE': specifics('不符合开户审批的改派规定（ONB-ASSIGNEE）'),
  'R-TIER-5': specifics('不符合其他化工产品客户分类规定：分为直销客户、独家代理商、经销商（R-TIER-5）'),
  'R-ONB-2': specifics('开户材料须真实、有效（R-ONB-2）'),
  'R-ONB-3': specifics('不符合开户审批顺序：销售部审核、财务部审核（重点审核税务登记和开票资料）、总经理审批（R-ONB-3）'),
  'R-ONB-4': specifics('开户审批通过后由客户经理建立客户档案（R-ONB-4）'),
  'ONB-APPLICANT': specifics('不符合开户申请人的规定（ONB-APPLICANT）'),
  'ONB-DELEGATION': specifics('不符合审批授权委托的规定（ONB-DELEGATION）'),
  'ONB-ADMIN': specifics('不符合开户审批环节的改派规定：只能由系统管理员改派给在岗的相应审批人（ONB-ADMIN）'),
  'ONB-RESERVATION': specifics('不符合开户查重的公司登记规定（ONB-RESERVATION）'),
  'ONB-TIMER': specifics('该操作由系统定时任务执行（ONB-TIMER）'),
  'R-ARC-4': specifics('不符合资质证照管理规定：证照有有效期，须定期检查、按期换证（R-ARC-4）'),
  'R-ALLOC-1': specifics('不符合资源量分配顺序：确保直销量，平衡独家代理量，补充经销量（R-ALLOC-1）'),
  'R-CMP-1': specifics('不符合客户投诉记录规定：须记录投诉时间、客户、内容、处理意见、处理人及备注（R-CMP-1）'),
  'R-CMP-2': specifics('不符合投诉处理程序：一般投诉由部门提出处理意见，经主管领导批准后告知客户；情节严重的投诉报请总经理召开专题会议（R-CMP-2）'),
  'CMP-SELF': specifics('不符合投诉处理审批的回避规定（CMP-SELF）'),
  'CMP-TIMER': specifics('该操作由系统定时任务执行（CMP-TIMER）'),
  'R-EVAL-3': specifics('不符合取消客户资格的规定（R-EVAL-3）'),
  'R-PRICE-2': specifics('违反价格政策和客户政策的情况由价格与客户管理委员会处理（R-PRICE-2）'),
  'DEV-SELF': specifics('不符合市场开发计划审批的回避规定（DEV-SELF）'),
  'DEV-TIMER': specifics('该操作由系统定时任务执行（DEV-TIMER）'),
  'VISIT-SELF': specifics('不符合走访计划审批的回避规定（VISIT-SELF）'),
  'SOD-ROLES': specifics('不符合职责分离规定：同一人不能同时担任相互制约的两个角色（SOD-ROLES）'),
  'R-KAM-1': specifics('不符合大客户识别规定：按 ABC 分类（帕累托分析）识别大客户（R-KAM-1）'),
  'R-KAM-3': specifics('不符合大客户跟踪规定：按月跟踪大客户的提货量和变化趋势，及早预警（R-KAM-3）'),
  'USER-PASSWORD': () => '当前密码不正确',
  'R-KAM-2': () => '该客户由其他客户经理负责（客户经理制 R-KAM-2）：只能处理本人负责的客户',
  'SSE-STREAMS-PER-USER': (p) => `实时提醒连接过多：每个用户最多同时打开 ${String(p.limit ?? '')} 个，请先关闭一个`,
  'SSE-STREAMS': (p) => `实时提醒连接已达服务上限（${String(p.limit ?? '')} 个），请稍后重试`,
  SHUTDOWN: () => '服务正在停止，请稍后重新连接',
  'WEBHOOK-DESTINATION': specifics('推送地址不允许：只能发送到公网地址'),
  'NOTIFY-CHANNEL': specifics('通知渠道配置不完整'),
  'NOTIFY-EMAIL': () => '开通邮件通知前须先填写该用户的电子邮箱',
  'NOTIFICATION-ADDRESSEE': () => '只能查看发给本人的通知；他人的通知仅系统管理员和审计可查看',
};

/** A domain rule's Chinese for a message that is not a whole problem (an import's row). */
export function zhOfRule(rule: string, message: string): string | null {
  const translate = ZH_BY_RULE[rule];
  return translate ? translate({ statusCode: 422, error: 'Unprocessable Entity', rule, message }) : null;
}

function keyOf(problem: Problem): string {
  const match = /"([^"]+)"/.exec(problem.message);
  return match ? `：${match[1]}` : '';
}

/** Last resort by HTTP status, keeping the English specifics. */
export const ZH_BY_STATUS: Readonly<Record<number, Translate>> = {
  400: specifics('请求无效'),
  401: () => '未登录或登录已失效，请重新登录',
  403: specifics('无权执行此操作'),
  404: specifics('未找到'),
  409: specifics('与当前数据冲突'),
  413: () => '请求内容过大',
  415: () => '不支持的请求内容类型，请使用 application/json',
  422: (p) => { const said = zhSpecifics(p.message); return `不符合业务规则${p.rule ? ` ${p.rule}` : ''}${said ? `：${said}` : ''}`; },
  429: () => '请求过于频繁，请稍后重试',
  500: () => '服务器内部错误；请凭请求编号查看服务器日志',
  503: specifics('服务暂时不可用，请稍后重试'),
};
