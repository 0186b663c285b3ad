import { ROLE_WORDING } from '@crm/workflow-kit';

/**
 * Issue 16: the domain's English refusals said in Chinese, as the company's staff would say them
 * (the policies' own words: 款到发货, 客户档案, 走访客户报告单…). Ids that are the system's own
 * (`cust-…`, a username) are left out — the screen names the record already; dates, months, numbers,
 * units, codes and rule ids are kept. Checked by zh-refusals-coverage.spec.ts.
 */
export type Say = (m: RegExpExecArray) => string;

export const LINES: Readonly<Record<string, string>> = { polyolefin: '聚烯烃', other_chemicals: '其他化工产品' };
const line = (id: string | undefined): string => (id ? LINES[id] : undefined) ?? '该产品线';

const ROLES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(ROLE_WORDING).map(([role, wording]) => [role, wording.zh])),
  system: '系统',
  finance: '财务部',
};
const role = (id: string | undefined): string => (id ? ROLES[id] : undefined) ?? '相应角色';
/** `a, b` or `a or b`, in Chinese: 客户经理、销售部 */
const roles = (list: string | undefined): string => [...new Set((list ?? '').split(/, | or /).map((r) => role(r.trim())))].join(/ or /.test(list ?? '') ? '或' : '、');

const DOCUMENTS: Readonly<Record<string, string>> = { 'business licence': '营业执照', 'tax registration': '税务登记证', 'organisation code': '组织机构代码证', other: '其他证照' };
const documentKind = (kind: string | undefined): string => (kind ? DOCUMENTS[kind] : undefined) ?? '证照';

const STEPS: Readonly<Record<string, string>> = { sales: '销售部审核', finance: '财务部审核', generalManager: '总经理审批' };
const step = (id: string | undefined): string => (id ? STEPS[id] : undefined) ?? '该审批环节';

const CLASSES: Readonly<Record<string, string>> = { general: '一般投诉', major: '较大事件投诉', serious: '情节严重的投诉', unclassified: '尚未分类的投诉' };
const complaintClass = (id: string | undefined): string => (id ? CLASSES[id] : undefined) ?? '该类投诉';

const GRADES: Readonly<Record<string, string>> = { online_auction: '网拍客户', ordinary: '普通客户', one_star: '一星客户', two_star: '二星客户', three_star: '三星客户', none: '无级别' };
const grade = (id: string | undefined): string => (id ? GRADES[id] : undefined) ?? '相应级别';

/** An instant in Beijing time to the minute (2026-10-12 16:00); a date stays as it is. */
export function beijing(value: string | undefined): string {
  if (!value || !/T\d{2}:\d{2}/.test(value)) return value ?? '';
  const at = Date.parse(value);
  return Number.isNaN(at) ? value : new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const ID = String.raw`(\S+)`;
const NUM = String.raw`([\d.,]+)`;
const re = (source: string): RegExp => new RegExp(`^${source}$`);

export const REFUSAL_SPECIFICS: ReadonlyArray<readonly [RegExp, Say]> = [
  // —— onboarding (客户开户)
  [re('account-opening applications are filed by customer managers'), () => '开户申请由客户经理提交'],
  [re(String.raw`only the applicant \(${ID}\) may (amend|submit|withdraw) the application`), (m) => `只有申请人本人可以${({ amend: '修改', submit: '提交', withdraw: '撤回' } as Record<string, string>)[m[2]]}该开户申请`],
  [re(String.raw`the company with organisation code ${ID} is already a customer for the product line ${ID} \(${ID}\)`), (m) => `组织机构代码为 ${m[1]} 的公司已是${line(m[2])}客户，不能重复开户`],
  [re(String.raw`the company with organisation code ${ID} already has an open application \(${ID}\)`), (m) => `组织机构代码为 ${m[1]} 的公司已有一份进行中的开户申请`],
  [re(String.raw`the company with organisation code ${ID} already has an open application or is a customer: .*`), (m) => `组织机构代码为 ${m[1]} 的公司已有进行中的开户申请或已是公司客户`],
  [re(String.raw`the new credit code belongs to a company \(organisation code ${ID}\) that already has an open application or is a customer: .*`), (m) => `新的统一社会信用代码所属公司（组织机构代码 ${m[1]}）已有进行中的开户申请或已是公司客户`],
  [re('a company is reserved by the customer manager filing its application'), () => '公司登记由提交开户申请的客户经理办理'],
  [re('reservations are released by the onboarding service or the applicant re-keying their application'), () => '公司登记只能由系统或修改申请公司识别信息的申请人释放'],
  [re('only the onboarding process hands a company over to its customer'), () => '公司登记只能由开户流程转给新建的客户'],
  [re('only the archive service moves a customer to a new company key'), () => '客户的公司识别码只能由客户档案变更流程更换'],
  [re('only the onboarding service voids an application that was never drafted'), () => '只有系统可以作废从未起草的开户申请'],
  [re(String.raw`application ${ID} reserved ${ID} at ${ID}; it may still be drafted for ${NUM} s after that`), (m) => `该开户申请已于 ${beijing(m[3])} 登记该公司，此后 ${m[4]} 秒内仍可能完成起草，请稍后再试`],
  [re(String.raw`this reservation stream is for ${ID}, not ${ID}`), (m) => `该公司登记属于识别码 ${m[1]}，不是 ${m[2]}`],
  [re(String.raw`approval runs sales → finance → general manager; the pending step is ${ID}, not ${ID}`), (m) => `开户审批依次为销售部审核、财务部审核、总经理审批；当前待办环节是${step(m[1])}，不是${step(m[2])}`],
  [re(String.raw`the ${ID} step is decided by a ${ID}`), (m) => `${step(m[1])}须由${role(m[2])}办理`],
  [re('finance approves only after checking the tax registration and the invoicing data'), () => '财务部须核对税务登记和开票资料后才能审核通过'],
  [re(String.raw`the sales review must attest admission criteria: .+`), () => '销售部审核须确认客户符合全部准入条件'],
  [re('only an administrator reassigns a pending step'), () => '只有系统管理员可以改派待审批环节'],
  [re('reminders are sent by the timer scheduler'), () => '审批提醒由系统定时发送'],
  [re('a reviewer does not act on their own behalf'), () => '审批人不能代自己审批'],
  [re(String.raw`${ID} holds no delegation from ${ID} as ${ID} on ${ID}`), (m) => `您在 ${m[4]} 没有获得该审批人委托的${role(m[3])}审批权限`],
  [re(String.raw`approval runs sales → finance → general manager; the ${ID} step is not pending \(pending: ${ID}\)`), (m) => `开户审批依次为销售部审核、财务部审核、总经理审批；${step(m[1])}不是当前待办环节（${m[2] === 'none' ? '该申请当前没有待审批环节' : `当前为${step(m[2])}`}）`],
  [re('the applicant and the customer manager named on the application cannot decide its review steps'), () => '申请人和申请表上的客户经理不能审批该开户申请的任何环节'],
  [re(String.raw`the ${ID} step was reassigned to ${ID}; only they may decide it`), (m) => `${step(m[1])}已改派给他人，只有被指派人可以办理`],
  [re(String.raw`.+ already approved another step of this application \(segregation of duties, across rounds\)`), () => '该审批人已审批过本开户申请的另一环节：按职责分离（各轮审批合并计算），同一人不能审批两个环节'],
  [re(String.raw`the (business licence|tax registration|organisation code|other) certificate is missing`), (m) => `缺少${documentKind(m[1])}`],
  [re(String.raw`the (business licence|tax registration|organisation code|other) number ${ID} does not match the identifiers \(${ID}\)`), (m) => `${documentKind(m[1])}编号 ${m[2]} 与公司识别码（${m[3]}）不一致`],
  [re(String.raw`document ${ID} is not valid before ${ID}`), (m) => `证照 ${m[1]} 自 ${m[2]} 起才生效`],
  [re('polyolefin customers are (?:direct customers or distributors|distributors or direct customers)'), () => '聚烯烃客户按销售对象分为经销商和直销客户（没有独家代理商）'],
  [re('polyolefin customers are online-auction or planned customers'), () => '聚烯烃客户按销售形式须为网拍客户或计划客户'],
  [re(String.raw`other chemical products have no sales form \(online auction / planned\)`), () => '其他化工产品客户不区分销售形式（网拍、计划）'],
  [re('a customer manager reads only the applications they filed or manage'), () => '客户经理只能查看本人提交或负责的开户申请'],
  [re(String.raw`only ${ID}, who gave the delegation, or an administrator revokes it`), () => '只有授权人本人或系统管理员可以撤销该授权委托'],
  [re(String.raw`you hold (.+): name the role you delegate`), (m) => `您同时担任${roles(m[1])}：请选择要委托的角色`],
  [re(String.raw`only a ${ID} delegates the ${ID} role`), (m) => `只有担任${role(m[2])}角色的人可以委托该角色的审批权限`],
  [re(String.raw`${ID} is not an active ${ID}: a delegate must hold the same role`), (m) => `被委托人未在岗担任${role(m[2])}角色：被委托人须担任与您相同的角色`],
  [re(String.raw`the delegation would end before today \(${ID}\)`), (m) => `授权委托的截止日期早于今天（${m[1]}）`],
  [re(String.raw`a delegation cannot start in the past \(today is ${ID}\)`), (m) => `授权委托不能从过去的日期开始（今天是 ${m[1]}）`],
  [re(String.raw`${ID} is not an active ${ID}: the ${ID} step cannot be handed to them`), (m) => `所选人员未在岗担任${role(m[2])}角色，不能把${step(m[3])}改派给此人`],
  [re(String.raw`${ID} is already the company's registration for the product line ${ID}`), (m) => `该公司已登记为${line(m[2])}客户`],

  // —— complaints and consultations (客户投诉、咨询)
  [re(String.raw`receivedAt ${ID} is after the time it is logged \(${ID}\)`), (m) => `接收时间 ${beijing(m[1])} 晚于登记时间 ${beijing(m[2])}`],
  [re(String.raw`receivedAt ${ID} is more than ${NUM} days before it is logged \(${ID}\); log (complaints|enquiries) as they come in`), (m) => `接收时间 ${beijing(m[1])} 比登记时间 ${beijing(m[3])} 早 ${m[2]} 天以上：${m[4] === 'complaints' ? '投诉' : '咨询'}须在收到时及时登记`],
  [re(String.raw`fired at ${ID}, before it falls due at ${ID}`), (m) => `提醒于 ${beijing(m[1])} 触发，早于到期时间 ${beijing(m[2])}`],
  [re('SLA timers are fired by the scheduler only'), () => '处理时限提醒只能由系统定时触发'],
  [re(String.raw`at most ${NUM} working days from receipt: ${NUM} already allowed, \+${NUM} would make ${NUM}`), (m) => `自收到之日起最多 ${m[1]} 个工作日：已批准 ${m[2]} 个工作日，再延 ${m[3]} 个将达 ${m[4]} 个工作日`],
  [re(String.raw`extension ${ID} is still awaiting its leaders`), () => '已有一份延期申请正在等待主管领导审批'],
  [re(String.raw`a ${ID} complaint cannot be extended: .*`), (m) => `${complaintClass(m[1])}不能延期：只有较大事件投诉（或情节严重的投诉）在特殊情况下经各级主管领导批准可以延期；一般投诉须在一个工作日内处理，如属较大事件请先重新分类`],
  [re('no extension request is awaiting a decision'), () => '没有待审批的延期申请'],
  [re(String.raw`the pending request is ${ID}, not ${ID}`), () => '待审批的是另一份延期申请，请刷新后重试'],
  [re('the requester and earlier approvers of this extension cannot approve it again'), () => '延期申请人和此前已审批过的领导不能再次审批该延期申请'],
  [re('the requester cannot decide their own extension'), () => '申请人不能审批自己的延期申请'],
  [re('a leader cannot approve a resolution they drafted or are the handler of'), () => '主管领导不能审批本人起草或本人负责处理的投诉处理意见'],
  [re('there is no drafted resolution awaiting a leader'), () => '没有等待主管领导审批的处理意见'],
  [re(String.raw`only serious complaints go to a special meeting; this one is ${ID}`), (m) => `只有情节严重的投诉才报请召开专题会议；本投诉是${complaintClass(m[1])}`],
  [re('the meeting cannot be recorded before it is held'), () => '专题会议召开之前不能登记会议结果'],
  [re(String.raw`the customer is told only a decided resolution \(leader approval or special meeting\)`), () => '只有已确定的处理意见（经主管领导批准或专题会议决定）才能告知客户'],
  [re('the record is incomplete: a decided resolution and the customer notification come before closing'), () => '投诉记录不完整：须先确定处理意见并告知客户，才能结案'],
  [re('the complaint is not classified yet; classify it first'), () => '该投诉尚未分类，请先分类'],
  [re(String.raw`the complaint is already classified ${ID}`), (m) => `该投诉已分类为${complaintClass(m[1])}`],
  [re('a resolution has been decided; the class can no longer change'), () => '处理意见已确定，投诉类别不能再更改'],
  [re('the complaint has not been recorded'), () => '该投诉尚未登记'],

  // —— customers, archives and grading (客户档案、分级)
  [re(String.raw`customer ${ID} is disqualified; no further business`), () => '该客户已被取消客户资格，不再办理业务'],
  [re(String.raw`business is suspended until valid documents are on file \(expired: .+\)`), () => '该客户有证照已过期，业务暂停，须补齐有效证照后恢复'],
  [re(String.raw`${ID} may be issued only by (.+)`), (m) => `此操作只能由${roles(m[2])}办理`],
  [re(String.raw`a new customer of this class starts at grade ${ID}, not ${ID}`), (m) => `此类新客户的初始级别为${grade(m[1])}，不是${grade(m[2])}`],
  [re(String.raw`admission not attested: .+`), () => '尚未确认客户符合全部准入条件'],
  [re('document ids must be unique'), () => '证照编号不能重复'],
  [re('nothing differs from the archive'), () => '填写的内容与档案现有内容相同，没有需要变更的信息'],
  [re('online auction is the grade of newly developed customers; a planned customer does not return to it'), () => '网拍客户是新开发客户的级别，计划客户不能再调回网拍客户'],
  [re(String.raw`a disqualification proposed by ${ID} awaits the general manager`), () => '已有一份取消客户资格的申请正在等待总经理审批'],
  [re('no disqualification has been proposed'), () => '没有待审批的取消客户资格申请'],
  [re(String.raw`documentWarningDays must be a whole number ≥ 0, got ${ID}`), (m) => `证照到期提前提醒天数须为不小于 0 的整数，当前为 ${m[1]}`],
  [re(String.raw`document ${ID} is valid from ${ID} after its end ${ID}`), (m) => `证照的有效期起始日期 ${m[2]} 晚于截止日期 ${m[3]}`],
  [re(String.raw`document ${ID} expired on ${ID}`), (m) => `证照已于 ${m[2]} 过期：请先换证`],
  [re(String.raw`no qualification document ${ID} on file`), () => '档案中没有该资质证照'],
  [re(String.raw`a renewal must extend validity beyond ${ID}`), (m) => `换证后的有效期须晚于 ${m[1]}`],
  [re(String.raw`the warning for ${ID} is due at ${ID}`), (m) => `该证照的到期提醒时间为 ${beijing(m[2])}`],
  [re(String.raw`${ID} is valid until the end of ${ID}`), (m) => `该证照有效期至 ${m[2]} 结束`],
  [re(String.raw`document ${ID} is already on file: renew it instead`), () => '档案中已有该证照：请办理换证'],
  [re(String.raw`identity change ${ID} already waits for the sales department`), () => '已有一份客户名称或信用代码变更申请正在等待销售部审批'],
  [re('neither the name nor the identifiers differ from the archive'), () => '客户名称和证照编号与档案相同，无需变更'],
  [re(String.raw`no identity change ${ID} waits for approval`), () => '没有待审批的该项变更申请'],
  [re('an identity change is approved by someone other than who requested it'), () => '客户名称或信用代码变更须由申请人以外的人审批'],
  [re('the company keys are not known here: a credit-code change is approved through the service'), () => '统一社会信用代码变更须走变更审批流程办理'],
  [re(String.raw`the company key ${ID} is not reserved for customer ${ID}`), (m) => `公司识别码 ${m[1]} 未登记在该客户名下，请重新提交变更申请`],
  [re('only polyolefin customers are graded by monthly tonnage'), () => '只有聚烯烃客户按月提货量分级'],
  [re(String.raw`${ID} is not over yet`), (m) => `${m[1]} 尚未结束`],
  [re(String.raw`${ID} is before the customer's archive was opened`), (m) => `${m[1]} 早于该客户建档时间`],
  [re(String.raw`more than ${NUM} months to catch up; evaluate earlier months first`), (m) => `待评定的月份超过 ${m[1]} 个：请先评定较早的月份`],
  [re('no proposed grade move waits for review'), () => '没有待确认的级别调整'],
  [re(String.raw`the proposed move waiting for review is ${ID}'s, not ${ID}'s`), (m) => `待确认的是 ${m[1]} 的级别调整，不是 ${m[2]} 的`],
  [re(String.raw`indicator ${ID} is not one of the configured indicators \(.*\)`), () => '所选指标不在已配置的评定指标之中'],
  [re('finding ids must be unique'), () => '检查发现的问题编号不能重复'],
  [re(String.raw`the sales department \(销售部\), which keeps the archives, responds to a check`), () => '档案检查由保管客户档案的销售部答复'],
  [re(String.raw`check ${ID} waits for no response \(${ID}\)`), () => '该档案检查当前不需要答复'],
  [re(String.raw`every finding needs a response \(missing: .+\)`), () => '检查发现的每个问题都须答复，还有未答复的问题'],
  [re(String.raw`responses name unknown or repeated findings: .+`), () => '答复中有不存在或重复的检查问题'],
  [re(String.raw`the checker who recorded check ${ID} \(${ID}\) closes it`), () => '档案检查由登记该检查的检查人关闭'],
  [re(String.raw`check ${ID} is closed once the sales department has responded \(${ID}\)`), () => '销售部答复之后才能关闭该档案检查'],
  [re(String.raw`archive checks are the parent's chemicals sales department's \(产品经销公司化工品销售部\)`), () => '客户档案检查由产品经销公司化工品销售部进行'],
  [re('filings are made by the system for each archive opening or change'), () => '客户档案建立或变更时由系统自动报备'],
  [re(String.raw`only the parent's chemicals sales department \(产品经销公司化工品销售部\) acknowledges a filing`), () => '只有产品经销公司化工品销售部可以确认备案'],
  [re(String.raw`no filing ${ID} for customer ${ID}`), () => '该客户没有这份备案'],
  [re(String.raw`filing ${ID} was already acknowledged by ${ID}`), () => '该备案已被确认'],

  // —— pickups and prepayment (提货、款到发货)
  [re(String.raw`pickup ${ID} is already recorded with other data; correct or void it instead`), () => '该提货记录已登记且内容不同：请更正或作废原记录'],
  [re(String.raw`pickup date ${ID} is in the future`), (m) => `提货日期 ${m[1]} 晚于今天`],
  [re(String.raw`pickup date ${ID} is before the archive was opened`), (m) => `提货日期 ${m[1]} 早于该客户建档时间`],
  [re(String.raw`no pickup ${ID} on record`), () => '没有这条提货记录'],
  [re(String.raw`pickup ${ID} was voided`), () => '该提货记录已作废'],
  [re(String.raw`pickup ${ID} already has ${NUM} t`), (m) => `该提货记录已是 ${m[2]} t`],
  [re(String.raw`the customer is registered for ${ID}, not ${ID}`), (m) => `该客户登记的产品线是${line(m[1])}，不是${line(m[2])}`],
  [re('prepayment facts were not read before this pickup was decided'), () => '办理提货前未能读取预付款数据，请重试'],
  [re(String.raw`goods are collected only at a warehouse designated for ${ID}; ${ID} is not one`), (m) => `货物只能在公司为${line(m[1])}指定的库位自提，所选库位不是指定库位`],
  [re(String.raw`no price approved for ${ID} at ${ID} on ${ID}`), (m) => `${m[3]} 该库位的${line(m[1])}没有经批准的价格`],
  [re(String.raw`款到发货: the pickup costs ${NUM} yuan, the prepayment balance is ${NUM} yuan \(short by ${NUM}\)`), (m) => `款到发货：本次提货金额 ${m[1]} 元，预付款余额 ${m[2]} 元，还差 ${m[3]} 元`],
  [re(String.raw`款到发货: the correction needs ${NUM} yuan more than the balance holds \(short by ${NUM}\)`), (m) => `款到发货：更正后须多付 ${m[1]} 元，超出预付款余额 ${m[2]} 元`],
  [re(String.raw`business was suspended on ${ID} \(from ${ID} (?:until ${ID}|and still is)\): no pickup can be recorded for that day`), (m) => `该客户业务自 ${m[2]} 起暂停${m[3] ? `至 ${m[3]}` : '，目前仍在暂停中'}：不能登记 ${m[1]} 的提货`],
  [re(String.raw`an exclusive agent without a ${ID} agency licence valid on ${ID} cannot pick up as an agent`), (m) => `独家代理商没有 ${m[2]} 有效的 ${m[1]} 年度独家代理许可证，不能按代理商提货`],
  [re(String.raw`warehouse ${ID} is not designated for ${ID}`), (m) => `该库位不是公司为${line(m[2])}指定的提货库位`],
  [re(String.raw`warehouse ${ID} is not designated`), () => '该库位不是公司指定的提货库位'],

  // —— renewal proofs and suspension (R-EVAL-1)
  [re(String.raw`a proof for ${ID} already waits for the sales department`), () => '该证照已有一份换证证明正在等待销售部审批'],
  [re(String.raw`suspension can be postponed at most ${NUM} days past ${ID} \(to ${ID}\)`), (m) => `业务暂停最多可推迟到证照到期日 ${m[2]} 之后 ${m[1]} 天（即 ${m[3]}）`],
  [re(String.raw`the renewal is expected by ${ID}, already past`), (m) => `预计换证日期 ${m[1]} 已过`],
  [re(String.raw`${ID} is valid until ${ID}: nothing to postpone`), (m) => `该证照有效期至 ${m[2]}，无需推迟业务暂停`],
  [re(String.raw`no proof of renewal for ${ID} waits for approval`), () => '该证照没有待审批的换证证明'],
  [re('the proof must be approved by someone other than who filed it'), () => '换证证明须由提交人以外的人审批'],
  [re(String.raw`the renewal was expected by ${ID}: too late to postpone; renew the document`), (m) => `预计换证日期 ${m[1]} 已过，不能再推迟：请办理换证`],
  [re(String.raw`suspension is postponed until the end of ${ID}`), (m) => `业务暂停已推迟至 ${m[1]} 结束`],

  // —— exclusive agents (独家代理商)
  [re('only exclusive agents of other chemical products file sales plans'), () => '只有其他化工产品的独家代理商报送月度销售计划'],
  [re('only exclusive agents of other chemical products receive an agency licence'), () => '只有其他化工产品的独家代理商领取独家代理许可证'],
  [re(String.raw`a sales plan is for a coming month, not ${ID}`), (m) => `销售计划是报送下月的，不能报 ${m[1]}`],
  [re(String.raw`a sales plan is filed for next month \(${ID}\)`), (m) => `销售计划只报送下月（${m[1]}）`],
  [re(String.raw`the pickup window ${ID}\.\.${ID} must lie within ${ID}`), (m) => `提货时间 ${m[1]} 至 ${m[2]} 须在 ${m[3]} 之内`],
  [re(String.raw`a licence is issued for ${ID} or ${ID}`), (m) => `独家代理许可证只能签发 ${m[1]} 年或 ${m[2]} 年的`],
  [re(String.raw`the ${ID} licence was already issued`), (m) => `${m[1]} 年度独家代理许可证已签发`],
  [re(String.raw`the ${ID} licence is valid until ${ID}`), (m) => `${m[1]} 年度独家代理许可证有效期至 ${m[2]}`],
  [re(String.raw`the ${ID} plan is due by ${ID}`), (m) => `${m[1]} 的销售计划报送截止时间为 ${beijing(m[2])}`],

  // —— allocations and reviews (资源量分配、客户评审)
  [re('the sales department proposes the allocation'), () => '资源量分配方案由销售部提出'],
  [re(String.raw`this allocation is ${ID} for ${ID}`), (m) => `该分配方案是${line(m[1])} ${m[2]} 的`],
  [re(String.raw`customer ${ID} has more than one demand`), () => '同一客户的需求量只能填写一条'],
  [re('the sales department adjusts its proposal'), () => '分配方案由销售部调整'],
  [re(String.raw`round ${NUM} is not the proposal under review \(round ${NUM}\)`), (m) => `第 ${m[1]} 轮不是正在审议的方案（当前为第 ${m[2]} 轮）`],
  [re(String.raw`customer ${ID} has no line in round ${NUM}`), (m) => `第 ${m[2]} 轮方案中没有该客户`],
  [re(String.raw`${ID} asked for ${NUM} kg; an adjustment gives at most that`), (m) => `该客户的需求量为 ${m[2]} 千克，调整后的分配量不能超过需求量`],
  [re(String.raw`the month would allocate ${NUM} kg of the ${NUM} kg available`), (m) => `本月分配总量将达 ${m[1]} 千克，超出可分配资源量 ${m[2]} 千克`],
  [re('only the general manager decides on the allocation'), () => '资源量分配方案由总经理审批'],
  [re(String.raw`no customer of ${ID} to review for ${ID}`), (m) => `${m[2]} 没有需要评审的${line(m[1])}客户`],
  [re(String.raw`${ID} is not in this review`), () => '该客户不在本次评审之中'],

  // —— development (客户开发)
  [re(String.raw`prospect ${ID} (.+); a plan picks prospects still being developed`), (m) => `该潜在客户${m[2] === 'is not registered' ? '尚未登记' : '已不在开发中'}：开发计划只能选择正在开发中的潜在客户`],
  [re(String.raw`prospect ${ID} is kept by another customer manager`), () => '该潜在客户由其他客户经理负责'],
  [re('conversions are recorded by the conversion process only'), () => '潜在客户转化只能由开户转化流程登记'],
  [re('the assessment is opened by the scheduler at quarter end only'), () => '考核只能由系统在季度末定时开启'],
  [re(String.raw`fired at ${ID}, before the quarter ends at ${ID}`), (m) => `提醒于 ${beijing(m[1])} 触发，早于季度结束时间 ${beijing(m[2])}`],
  [re('nobody assesses their own completion'), () => '任何人不能考核自己的完成情况'],
  [re(String.raw`${ID} carries no target of this plan`), () => '该客户经理在本计划中没有开发目标'],
  [re(String.raw`${ID} is already assessed`), () => '该客户经理已考核'],
  [re('the meeting is recorded once it has been held'), () => '会议召开之后才能登记会议结果'],
  [re('the plan deadline must lie ahead'), () => '开发计划的完成期限须晚于今天'],
  [re('nobody approves a development plan they drafted or revised'), () => '不能审批本人起草或修改的市场开发计划'],
  [re(String.raw`the plan has no target ${ID}`), () => '本计划中没有该开发目标'],
  [re(String.raw`entry ${ID} is already recorded`), () => '该条进度已登记'],
  [re('progress is reported for a period that has begun'), () => '只能汇报已开始的周期的进度'],
  [re('the plan deadline is fired by the scheduler only'), () => '开发计划到期提醒只能由系统定时触发'],
  [re(String.raw`fired at ${ID}, before the deadline ${ID}`), (m) => `提醒于 ${beijing(m[1])} 触发，早于完成期限 ${beijing(m[2])}`],
  [re(String.raw`the report for ${ID} is already submitted`), (m) => `${m[1]} 的月度汇报已提交`],
  [re('a month is reported once it has begun'), () => '月份开始之后才能汇报该月'],
  [re(String.raw`no onboarding application ${ID} is open`), () => '没有这份进行中的开户申请'],
  [re(String.raw`application ${ID} is for the company with organisation code ${ID}, not this prospect's ${ID}`), (m) => `该开户申请所属公司的组织机构代码为 ${m[2]}，与该潜在客户的 ${m[3]} 不符`],
  [re(String.raw`application ${ID} is ${ID}: a prospect converts into an application that is open or approved`), () => '该开户申请已结束：潜在客户只能转化为进行中或已批准的开户申请'],
  [re(String.raw`the company with organisation code ${ID} is already the customer ${ID}: it is no prospect to convert`), (m) => `组织机构代码为 ${m[1]} 的公司已是公司客户，不是可转化的潜在客户`],
  [re(String.raw`the company with organisation code ${ID} has the open application ${ID}: it is no prospect to convert`), (m) => `组织机构代码为 ${m[1]} 的公司已有进行中的开户申请，不是可转化的潜在客户`],

  // —— visits, surveys and forums (走访、满意度调查、座谈会)
  [re(String.raw`the plan belongs to ${ID}; only its manager may .+`), () => '该走访计划属于其他客户经理，只有计划人本人可以办理'],
  [re(String.raw`plan ${ID} has no item ${ID}`), () => '该走访计划中没有这一项'],
  [re(String.raw`plan ${ID} is not approved yet; report the visit as unplanned or wait for the approval`), () => '该走访计划尚未批准：请按计划外走访报告，或等待计划批准'],
  [re(String.raw`plan ${ID} belongs to ${ID}`), () => '该走访计划属于其他客户经理'],
  [re(String.raw`item ${ID} plans a visit to ${ID}, not ${ID}`), () => '该计划项走访的是另一客户，不是本报告单的客户'],
  [re(String.raw`the plan is for ${ID}; the visit was on ${ID}`), (m) => `该走访计划是 ${m[1]} 年度的，走访日期为 ${m[2]}`],
  [re(String.raw`the customer seals or signs the form \(客户单位盖章\(签名\)\)`), () => '《走访客户报告单》须由客户单位盖章（签名）'],
  [re(String.raw`signedOn ${ID} is not between the visit \(${ID}\) and the day it is reported \(${ID}\)`), (m) => `签章日期 ${m[1]} 须在走访日期（${m[2]}）与报告日期（${m[3]}）之间`],
  [re(String.raw`each contact gives a telephone or a mobile \(联系方式: 电话 手机\)`), () => '每位联系人须填写联系方式：电话或手机'],
  [re(String.raw`question ${ID}: answer a whole score from ${NUM} to ${NUM}`), (m) => `该问题须回答 ${m[2]} 至 ${m[3]} 之间的整数分`],
  [re(String.raw`question ${ID}: answer one of (.+)`), (m) => `该问题须从以下选项中选择一项：${m[2].split(' / ').join('、')}`],
  [re('a manager does not decide on their own plan'), () => '客户经理不能审批本人的走访计划'],
  [re('a plan without customers cannot be submitted'), () => '走访计划中没有客户，不能提交'],
  [re('this report has no findings to acknowledge'), () => '该走访报告单没有需要反馈的走访意见'],
  [re(String.raw`visitedOn ${ID} is after the day it is reported`), (m) => `走访日期 ${m[1]} 晚于报告日期`],
  [re('departments are the ones findings are fed back to: write the findings'), () => '相关部门是走访意见的反馈对象：请先填写走访意见'],
  [re(String.raw`the ${ID} questionnaire has no question ${ID}`), (m) => `${m[1]} 年度调查问卷中没有该问题`],
  [re(String.raw`the ${ID} survey takes responses of ${ID}, not ${ID}`), (m) => `${m[1]} 年度满意度调查只收 ${m[2]} 年的答复，不能登记 ${m[3]} 的答复`],
  [re(String.raw`respondedOn ${ID} is after the day it is recorded`), (m) => `答复日期 ${m[1]} 晚于登记日期`],
  [re(String.raw`response ${ID} is already recorded`), () => '该答复已登记'],
  [re(String.raw`customer ${ID} has already answered the ${ID} survey`), (m) => `该客户已答复过 ${m[2]} 年度满意度调查`],
  [re('a report needs at least one response'), () => '调查报告至少需要一份客户答复'],
  [re(String.raw`the ${ID} satisfaction survey already exists: one campaign a year`), (m) => `${m[1]} 年度满意度调查已存在：每年只开展一次`],
  [re(String.raw`plannedOn ${ID} has passed: a preparation plan is approved before the forum is held`), (m) => `计划召开日期 ${m[1]} 已过：筹备计划须在座谈会召开前批准`],
  [re(String.raw`forum ${ID} has no approved preparation plan: the plan is approved before the forum is held`), () => '该座谈会没有已批准的筹备计划：筹备计划须在座谈会召开前批准'],
  [re(String.raw`heldOn ${ID} is after the day the minutes are filed`), (m) => `召开日期 ${m[1]} 晚于会议记录归档日期`],
  [re(String.raw`heldOn ${ID} is before the plan was approved \(${ID}\)`), (m) => `召开日期 ${m[1]} 早于筹备计划批准日期（${m[2]}）`],
  [re('the one who submitted a forum preparation plan does not decide on it'), () => '座谈会筹备计划不能由提交人本人审批'],
  [re(String.raw`visit plan ${ID} is another customer manager's`), () => '该走访计划属于其他客户经理'],

  // —— committee, prices, catalogue (价格与客户管理委员会)
  [re('administrators keep product lines and warehouses'), () => '产品线和库位由系统管理员维护'],
  [re(String.raw`no product line ${ID}`), () => '没有该产品线'],
  [re('only the scheduler marks a contract expiring or expired'), () => '合同即将到期和已到期的状态只能由系统定时标记'],
  [re('prices come only from approved price proposals'), () => '价格只能来自经委员会批准的调价议案'],
  [re('administrators keep the committee charter'), () => '委员会章程由系统管理员维护'],
  [re(String.raw`charter version ${ID} exists; choose a new one`), (m) => `章程版本 ${m[1]} 已存在，请换一个新版本号`],
  [re(String.raw`${ID} is not a member of the committee this proposal is before`), () => '您不是审议该议案的委员会委员'],
  [re(String.raw`${ID} has already voted on this proposal`), () => '您已对该议案投过票'],
  [re('only the chair closes a vote'), () => '只有委员会主任可以结束表决'],
  [re("the chair records the group's decision"), () => '集团的决定由委员会主任登记'],
  [re('only the proposer withdraws a proposal'), () => '只有提案人可以撤回议案'],
  [re('the committee has no charter yet: an administrator publishes (?:its members and rule|it) first'), () => '委员会尚无章程：须先由系统管理员发布委员会成员和议事规则'],
  [re('a price takes effect from now on, never in the past'), () => '价格只能从现在或以后生效，不能追溯到过去'],
  [re('administrators, the sales department or the general manager propose customer-management policies'), () => '客户管理政策由系统管理员、销售部或总经理提出'],
  [re(String.raw`the sales department \(or the general manager\) proposes price adjustments`), () => '调价议案由销售部（或总经理）提出'],
  [re("the committee's chair records its decision on a case"), () => '委员会对违规案件的决定由委员会主任登记'],
  [re(String.raw`policy version ${ID} was published meanwhile; the approved proposal ${ID} cannot reuse it`), (m) => `投诉处理方案版本 ${m[1]} 已在此期间发布，已批准的议案不能再使用该版本号`],
  [re(String.raw`policy version ${ID} was already published; choose a new version`), (m) => `投诉处理方案版本 ${m[1]} 已发布，请换一个新版本号`],
  [re(String.raw`proposal ${ID} is not a complaint policy the committee approved \(${ID}\)`), () => '该议案不是委员会已批准的投诉处理方案'],

  // —— who may act (角色、客户经理制、职责分离)
  [re(String.raw`.+ needs one of the roles (.+)`), (m) => `此操作须由以下角色之一办理：${roles(m[1])}`],
  [re(String.raw`${ID} is not a user: the part needs an active (.+)`), (m) => `所选人员不是系统用户：此处须选择在岗担任${roles(m[2])}角色的人员`],
  [re(String.raw`${ID} is disabled: the part needs an active (.+)`), (m) => `所选人员已停用：此处须选择在岗担任${roles(m[2])}角色的人员`],
  [re(String.raw`${ID} does not hold the role (.+): the part needs an active (.+)`), (m) => `所选人员不担任${roles(m[2])}角色：此处须选择在岗担任${roles(m[3])}角色的人员`],
  [re(String.raw`${ID} holds both ${ID} and ${ID}, which one person may not hold together`), (m) => `您同时担任${role(m[2])}和${role(m[3])}角色，按职责分离同一人不能兼任`],
  [re(String.raw`one person may not hold both ${ID} and ${ID} \(segregation of duties\)`), (m) => `按职责分离，同一人不能同时担任${role(m[1])}和${role(m[2])}角色`],
  [re(String.raw`customer ${ID} is managed by another customer manager`), () => '该客户由其他客户经理负责'],
  [re(String.raw`customer ${ID} does not exist`), () => '该客户不存在'],
  [re('this record names no customer of yours'), () => '该记录不涉及您负责的客户'],
  [re('this file is on no record of your customers'), () => '该文件不属于您负责的客户的任何记录'],

  // —— tasks, files, requests (待办、文件、请求)
  [re(String.raw`no sales plan filed for ${ID}`), (m) => `${m[1]} 没有报送销售计划`],
  [re(String.raw`no file ${ID}`), () => '没有该文件'],
  [re(String.raw`file ${ID} is on record but its bytes are missing; run verify`), () => '该文件已登记，但存储中找不到文件内容：请运行文件校验'],
  [re(String.raw`file name: .+`), () => '文件名不符合要求'],
  [re(String.raw`no ${ID} allocation proposed for ${ID}`), (m) => `${m[2]} 尚未提出${line(m[1])}资源量分配方案`],
  [re(String.raw`no ${ID} review for ${ID}`), (m) => `${m[2]} 没有${line(m[1])}客户评审`],
  [re(String.raw`${ID} is not over yet; only past months are evaluated`), (m) => `${m[1]} 尚未结束：只评定已结束的月份`],
  [re(String.raw`from ${ID} is after to ${ID}`), (m) => `起始日期 ${m[1]} 晚于截止日期 ${m[2]}`],
  [re(String.raw`you have no notification ${ID}`), () => '您没有这条通知'],
  [re(String.raw`no (email|webhook|\S+) channel for ${ID}`), (m) => `该用户没有${({ email: '邮件', webhook: '推送' } as Record<string, string>)[m[1]] ?? '该'}通知渠道`],
  [re(String.raw`no plant office ${ID}`), () => '没有该驻厂办'],
  [re(String.raw`no delegation ${ID}`), () => '没有该授权委托'],
  [re(String.raw`no task ${ID} of yours`), () => '您没有这条待办'],
  [re(String.raw`send the CSV as a text/csv body or as JSON \{"csv": "\.\.\."\}, or an \.xlsx file`), () => '请上传 CSV 文件（或以 JSON 格式提交 CSV 内容）或 XLSX 表格文件'],
  [re(String.raw`the task "${ID}" was reassigned to ${ID}; only they \(or their delegate\) complete it`), () => '该待办已改派给他人，只有被指派人或其代理人可以处理'],
  [re('only an administrator reassigns a task'), () => '只有系统管理员可以改派待办'],
  [re(String.raw`the task is (done|cancelled|open|\S+)`), (m) => `该待办${({ done: '已完成', cancelled: '已取消' } as Record<string, string>)[m[1]] ?? '已不在待处理状态'}，不能改派`],
  [re(String.raw`${ID} is not an active user`), () => '所选人员不是在岗用户'],
  [re(String.raw`${ID} could not complete this task \(${ID}\)`), (m) => `所选人员按审批规则不能处理该待办（${/^[A-Z][A-Z0-9-]*$/.test(m[2]) ? m[2] : '无可执行的操作'}）`],
  [re(String.raw`file ${ID} was altered in storage; upload it again`), () => '文件在存储中已被篡改，请重新上传'],
  [re(String.raw`no file with sha-256 ${ID} was uploaded \(POST /files first\)`), () => '该文件尚未上传：请先上传文件'],
  [re(String.raw`file ${ID} has ${NUM} bytes, not ${NUM}`), (m) => `文件大小为 ${m[2]} 字节，与填写的 ${m[3]} 字节不符`],
  [re(String.raw`file ${ID} is (.+), not ${ID}`), () => '文件的实际类型与填写的类型不符'],
  [re(String.raw`Idempotency-Key "${ID}" was already used on this resource by another request; send a new key for a new request`), () => '该幂等键已被另一请求使用，新的请求请换一个新键'],
  [re(String.raw`(.+) is for ([a-z_]+(?: or [a-z_]+)*)`), (m) => `此操作须由${roles(m[2])}办理`],
  [re('meta.actor is required'), () => '请求缺少操作人'],
  [re('meta.now must be an ISO 8601 instant'), () => '请求时间须为 ISO 8601 格式'],
  [re(String.raw`${ID} has no command ${ID}`), () => '该流程不支持此操作'],
  [re(String.raw`body.year ${NUM} does not match the path's ${NUM}`), (m) => `请求内容中的年份 ${m[1]} 与地址中的年份 ${m[2]} 不一致`],
];
