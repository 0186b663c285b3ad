import type { SurveyQuestion } from '@crm/relationship';
import { zh } from '../spreadsheets/labels';
import { type Spreadsheet, table } from '../spreadsheets/sheet';
import type { RelationshipReads } from './relationship-read.service';

type Survey = Awaited<ReturnType<RelationshipReads['survey']>>;
/** The fields of SurveyResponseRecorded / SurveyReportIssued (v2, upcast) a sheet shows. */
interface Response { customerId: string; channel: string; respondedOn: string; answers: Record<string, { score: number; label: string | null }>; comments: string | null; by: string }
interface Report { summary: string; at: string; by: string; aggregates: { responseCount: number; byChannel: Record<string, number>; averages: Record<string, number | null>; lowestDimension: string | null } }

/** A question's column header: its text, up to the first parenthesis (the scale's note). */
const headerOf = (q: SurveyQuestion) => q.text.split(/[（(]/)[0].trim() || q.questionId;

/** R-SURV-1: the year's responses, one column per question of the questionnaire, and the report's stored figures. */
export function surveySheet(s: Survey): Spreadsheet {
  const questions = s.questionnaire as SurveyQuestion[];
  const responses = s.responses as unknown as Response[];
  const report = s.report as unknown as Report | null;
  const name = (id: string) => {
    const q = questions.find((x) => x.questionId === id);
    return q ? headerOf(q) : id;
  };
  const figures: Array<[string, string | number | null]> = report
    ? [
        ['答复数', report.aggregates.responseCount],
        ...Object.entries(report.aggregates.byChannel).map(([c, n]): [string, number] => [`${zh(c)}答复`, n]),
        ...questions.map((q): [string, number | null] => [`${headerOf(q)}平均分`, report.aggregates.averages[q.questionId] ?? null]),
        ['总体平均分', report.aggregates.averages.overall ?? null],
        ['最低项', report.aggregates.lowestDimension ? name(report.aggregates.lowestDimension) : null],
        ['报告摘要', report.summary],
        ['报告人', report.by],
      ]
    : [];
  return {
    fileName: `满意度调查-${s.year}`,
    tables: [
      table('调查答复', [
        { header: '客户编号', value: (r: Response) => r.customerId },
        { header: '调查方式', value: (r: Response) => zh(r.channel) },
        { header: '答复日期', kind: 'date', value: (r: Response) => r.respondedOn },
        ...questions.map((q) => ({ header: headerOf(q), kind: 'number' as const, value: (r: Response) => r.answers[q.questionId]?.score ?? null })),
        { header: '意见', value: (r: Response) => r.comments },
        { header: '记录人', value: (r: Response) => r.by },
      ], responses),
      table('调查报告', [
        { header: '项目', value: (f: [string, string | number | null]) => f[0] },
        { header: '数值', value: (f: [string, string | number | null]) => f[1] },
      ], figures),
    ],
  };
}
