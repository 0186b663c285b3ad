import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { forumWorkflow, forumYears, type ForumCommand } from '../src';
import { cmd, FINANCE, NOW, run, SALES } from './relationship.fixtures';

const { given } = workflowSpec(forumWorkflow);
const minutes = {
  forumId: 'f-2026-1', heldOn: '2026-02-27', title: '2026年春季客户座谈会', attendees: [{ name: '张三', organisation: '宁波塑料厂', customerId: 'cust-1' }],
  topics: ['市场行情', '产品质量'], minutes: '客户反映提货排队时间长；建议增加周末提货。', attachments: [],
};
const file = (data = minutes, actor = SALES) => cmd<ForumCommand>('FileForumMinutes', data, actor);

describe('R-FORUM-1 customer forums (客户座谈会)', () => {
  it('R-FORUM-1: minutes are filed with attendees, date and text, counted in the year held', () => {
    given([]).when(file()).then([{ type: 'ForumMinutesFiled', data: { ...minutes, year: 2026, by: 'sales', role: 'sales_reviewer', at: NOW } }]);
  });

  it('R-FORUM-1: minutes of a forum not yet held, or filed by finance, are refused; filed minutes are kept as they are', () => {
    given([]).when(file({ ...minutes, heldOn: '2026-03-03' })).thenThrows(DomainRuleViolation, /heldOn/);
    given([]).when(file(minutes, FINANCE)).thenThrows(NotPermitted, 'R-FORUM-1');
    given(run(forumWorkflow, [file()])).when(file()).thenThrows(TransitionNotAllowed);
  });

  it('R-FORUM-1: years without a forum, as of a date: past years missed, the running year still due', () => {
    expect(forumYears(['2024-05-10', '2024-11-02', '2026-07-01'], 2023, '2026-03-02')).toEqual([
      { year: 2023, forums: 0, status: 'missed' },
      { year: 2024, forums: 2, status: 'held' },
      { year: 2025, forums: 0, status: 'missed' },
      { year: 2026, forums: 0, status: 'due' },
    ]);
    expect(forumYears(['2026-07-01'], 2026, '2026-07-01')).toEqual([{ year: 2026, forums: 1, status: 'held' }]);
  });
});
