/**
 * The console's shared dictionary; Chinese is the source language, so its keys define the set
 * every other language must translate (see messages.en.ts). `{name}` marks a parameter.
 * A feature page may keep its own strings beside it with `localMessages` (local-messages.ts).
 */
export const zhCN = {
  'app.title': '客户管理工作流',
  'app.subtitle': '石化销售客户管理平台',
  'app.skipToContent': '跳到主要内容',
  'app.loading': '加载中…',
  'lang.switchTo': 'English',
  'lang.switchLabel': '切换语言为英文',
  'nav.home': '首页',
  'nav.main': '主导航',
  'nav.signOut': '退出登录',
  'nav.signedInAs': '当前用户：{name}',

  'signIn.title': '登录',
  'signIn.intro': '使用用户名和密码登录。演示环境已预置每个角色一个账号。',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.submitting': '正在登录…',
  'signIn.demoTitle': '演示账号',
  'signIn.demoHint': '密码均为 {password}，点击即可登录。',
  'signIn.demoAsBefore': '以 ',
  'signIn.demoAsAfter': ' 身份登录',
  'signIn.expired': '登录已过期，请重新登录。',
  'signIn.required': '请填写用户名和密码。',
  'signIn.failed': '用户名或密码错误。',

  'role.customer_manager': '客户经理',
  'role.sales_reviewer': '销售部审核',
  'role.finance_reviewer': '财务部审核',
  'role.general_manager': '总经理',
  'role.supervisor': '主管领导',
  'role.auditor': '审计',
  'role.administrator': '系统管理员',

  'home.greeting': '您好，{name}',
  'home.roles': '角色：{roles}',
  'home.actionsTitle': '您可以办理的业务',
  'home.noActions': '当前角色没有可用的业务。',
  'home.coming': '即将上线',
  'home.open': '进入',

  'feature.inbox.title': '审批待办',
  'feature.inbox.summary': '按等待时长处理开户审批：通过、驳回或退回修改。',
  'feature.new-application.title': '开户申请',
  'feature.new-application.summary': '填写客户开户审批表并上传资质证件。',
  'feature.customers.title': '客户',
  'feature.customers.summary': '客户列表与档案：等级变化、证件有效期、投诉记录。',
  'feature.complaints.title': '投诉',
  'feature.complaints.summary': '登记、分类、处理投诉，按工作日倒计时跟踪时限。',
  'feature.sla-board.title': 'SLA 看板',
  'feature.sla-board.summary': '实时查看即将超时与已超时的投诉。',
  'feature.audit.title': '审计',
  'feature.audit.summary': '回放客户完整历史，查看任意时点状态并校验哈希链。',
  'feature.development.title': '客户开发',
  'feature.development.summary': '目标客户档案、季度开发计划的审批与周报进度。',
  'feature.calendar.title': '工作日历',
  'feature.calendar.summary': '按国务院放假通知计算工作日时限，并逐日说明。',

  'coming.title': '{feature}：即将上线',
  'coming.body': '该功能的页面正在开发中。',
  'notFound.title': '页面不存在',
  'notFound.body': '找不到地址 {path}。',
  'forbidden.title': '无权访问',
  'forbidden.body': '“{feature}”需要以下角色之一：{roles}。',
  'backHome': '返回首页',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.field': '字段“{field}”',
  'error.rule': '规则 {rule}',
  'error.requestId': '请求编号 {id}',
  'error.status': 'HTTP {status}',
} as const;

export type MessageKey = keyof typeof zhCN;
