/** What identifies a customer in a bank line: the account it pays from (开票资料's account) and its name. */
export interface PayerCandidate {
  customerId: string;
  name: string;
  accountNumber: string | null;
}

const digits = (account: string) => account.replace(/\D/g, '');
const squeeze = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * R-PRIN-4: which customer a payment came from. The payer's account matched against the customers'
 * invoicing accounts first (digits only: banks print them with or without dashes); failing that,
 * exactly one customer of the same name. Anything else is for finance to resolve, never a guess.
 */
export function matchPayer(payerAccount: string, payerName: string, candidates: readonly PayerCandidate[]): { customerId: string; by: 'account' | 'name' } | { problem: string } {
  const account = digits(payerAccount);
  const byAccount = account === '' ? [] : candidates.filter((c) => c.accountNumber !== null && digits(c.accountNumber) === account);
  if (byAccount.length === 1) return { customerId: byAccount[0].customerId, by: 'account' };
  if (byAccount.length > 1) return { problem: `account ${payerAccount} is on file for ${byAccount.length} customers (${byAccount.map((c) => c.customerId).join(', ')})` };
  const byName = candidates.filter((c) => squeeze(c.name) === squeeze(payerName));
  if (byName.length === 1) return { customerId: byName[0].customerId, by: 'name' };
  if (byName.length > 1) return { problem: `${byName.length} customers are named ${payerName}; record their account numbers to tell them apart` };
  return { problem: `no customer pays from account ${payerAccount} or is named ${payerName}` };
}
