import { zh } from '../spreadsheets/labels';
import { type Spreadsheet, table } from '../spreadsheets/sheet';
import type { RelationshipReads } from './relationship-read.service';

type Survey = Awaited<ReturnType<RelationshipReads['survey']>>;
/** The fields of SurveyResponseRecorded / SurveyReportIssued a sheet shows (the read answers stored event data). */
interface Response { customerId: string; channel: string; respondedOn: string; scores: { productQuality: number; serviceQuality: number; companyImage: number }; comments: string | null; by: string }
interface Report { summary: string; at: string; by: string; aggregates: { responseCount: number; byChannel: Record<string, number>; averages: Record<'productQuality' | 'serviceQuality' | 'companyImage' | 'overall', number | null>; lowestDimension: string | null } }

const DIMENSIONS = { productQuality: '产品质量', serviceQuality: '服务质量', companyImage: '公司形象', overall: '总体' } as const;

/** R-SURV-1: the year's responses and, once issued, the report's stored figures. */
export function surveySheet(s: Survey): Spreadsheet {
  const responses = s.responses as unknown as Response[];
  const report = s.report as unknown as Report | null;
  const figures: Array<[string, string | number | null]> = report
    ? [
        ['答复数', report.aggregates.responseCount],
        ...Object.entries(report.aggregates.byChannel).map(([c, n]): [string, number] => [`${zh(c)}答复`, n]),
        ...Object.entries(DIMENSIONS).map(([d, label]): [string, number | null] => [`${label}平均分`, report.aggregates.averages[d as keyof typeof DIMENSIONS]]),
        ['最低项', report.aggregates.lowestDimension ? DIMENSIONS[report.aggregates.lowestDimension as keyof typeof DIMENSIONS] : null],
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
        { header: '产品质量', kind: 'number', value: (r: Response) => r.scores.productQuality },
        { header: '服务质量', kind: 'number', value: (r: Response) => r.scores.serviceQuality },
        { header: '公司形象', kind: 'number', value: (r: Response) => r.scores.companyImage },
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
