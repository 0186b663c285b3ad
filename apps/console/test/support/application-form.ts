import type { Page } from 'playwright-core';

/** The account-opening form's company, invoicing, contact and class, as a customer manager types them (#/new-application/new). */
export async function fillApplication(page: Page, company: string, creditCode: string): Promise<void> {
  await page.getByLabel('单位名称').fill(company);
  await page.getByLabel('所属区域').fill('华东');
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(creditCode);
  await page.getByLabel('开户银行').fill('中国工商银行宁波镇海支行');
  await page.getByLabel('银行账号').fill('3901 1000 0900 0765 432');
  await page.getByLabel('邮寄地址').fill('浙江省宁波市镇海区临江路8号');
  await page.getByLabel('电话', { exact: true }).fill('0574-86205678');
  const contact = page.getByRole('group', { name: '联系人 1' });
  await contact.getByLabel('姓名').fill('孙采购');
  await contact.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('销售方式').selectOption({ label: '网上竞价' });
}

/** One certificate of the form's 资质证件 (the n-th, from 1); its kind stays the default unless given. */
export async function fillDocument(page: Page, n: number, values: { kind?: string; number: string; from: string; until: string }): Promise<void> {
  const group = page.getByRole('group', { name: `证件 ${n}` });
  if (values.kind) await group.getByLabel('证件类型').selectOption({ label: values.kind });
  await group.getByLabel('证件号码').fill(values.number);
  await group.getByLabel('有效期起').fill(values.from);
  await group.getByLabel('有效期至').fill(values.until);
}
