import { en } from '../i18n/messages.en';
import { interpolate } from '../i18n/interpolate';
import type { MessageKey } from '../i18n/messages.zh-cn';
import { describeError } from './describe-error';
import { ApiError } from './problem';

const t = (key: MessageKey, params?: Record<string, string | number>) => interpolate(en[key], params);

describe('describeError', () => {
  it("keeps the API's message and names field, rule, status and request id", () => {
    const error = new ApiError({ statusCode: 400, message: 'at most 60 working days', field: 'workingDays', rule: 'SCHEMA', requestId: 'r-1' });
    expect(describeError(error, t)).toEqual({ message: 'at most 60 working days', details: 'field “workingDays” · rule SCHEMA · HTTP 400 · request r-1' });
  });

  it('lists further per-field issues after the message', () => {
    const error = new ApiError({ statusCode: 400, message: 'invalid body', issues: [{ field: 'name', message: 'required' }] });
    expect(describeError(error, t).message).toBe('invalid body; name: required');
  });

  it("does not repeat issues the API's message already lists as field: message", () => {
    const error = new ApiError({
      statusCode: 400,
      message: 'identifiers.creditCode: R-DEV-1: check character wrong; region: required',
      issues: [{ field: 'identifiers.creditCode', message: 'R-DEV-1: check character wrong' }, { field: 'region', message: 'required' }, { field: 'name', message: 'too long' }],
    });
    expect(describeError(error, t).message).toBe('identifiers.creditCode: R-DEV-1: check character wrong; region: required; name: too long');
  });

  it('issue 16: a Chinese schema refusal, which names each field in Chinese, gets no raw field path appended', () => {
    const error = new ApiError({ statusCode: 400, rule: 'SCHEMA', message: '请求内容不符合要求：申请表·证件第 1 项·编号：必填', issues: [{ field: 'form.documents.0.number', message: '必填' }] });
    expect(describeError(error, t).message).toBe('请求内容不符合要求：申请表·证件第 1 项·编号：必填');
  });

  it('issue 16: names the field by the words the API gives for it, not its path', () => {
    const error = new ApiError({ statusCode: 400, message: 'x', field: 'form.documents.0.number', fieldLabel: 'form › documents › item 1 › number', rule: 'SCHEMA' });
    expect(describeError(error, t).details).toBe('field “form › documents › item 1 › number” · rule SCHEMA · HTTP 400');
  });

  it('says plainly when the server cannot be reached', () => {
    const error = new ApiError({ statusCode: 0, message: 'Failed to fetch' }, 'network');
    expect(describeError(error, t)).toEqual({ message: en['error.network'], details: 'Failed to fetch' });
  });

  it('finds the message for one form field', () => {
    const error = new ApiError({ statusCode: 400, message: 'x', issues: [{ field: 'taxId', message: 'bad check digit' }] });
    expect(error.messageFor('taxId')).toBe('bad check digit');
    expect(error.messageFor('name')).toBeUndefined();
  });
});
