import type { Questionnaire } from '@crm/relationship';
import { formatInstant } from '../../format/shanghai-time';
import type { Lang } from '../../i18n/i18n.context';
import { type Names, personLabel } from '../record-kit/names';
import type { SurveyView } from './survey-view';
import type { SurveysT } from './surveys.messages';

const questionText = (questionnaire: Questionnaire, id: string, t: SurveysT) => (id === 'overall' ? t('overall') : questionnaire.find((q) => q.questionId === id)?.text ?? id);

/** The report as issued: its text and the figures stored with it (averages per question, by channel), and the leadership's review. */
export function SurveyReport({ survey, names, lang, t }: { survey: SurveyView; names: Names; lang: Lang; t: SurveysT }) {
  const report = survey.report;
  if (!report) return null;
  const { averages, byChannel, lowestDimension } = report.aggregates;
  return (
    <section className="card" aria-labelledby="survey-report-title" data-testid="survey-report">
      <h2 id="survey-report-title">{t('reportTitle')}</h2>
      <p className="muted">{t('issuedBy', { by: personLabel(names, report.by, lang), at: formatInstant(report.at) })}</p>
      <p className="prewrap">{report.summary}</p>
      <div className="table-wrap">
        <table className="data-table" data-testid="survey-averages">
          <caption className="visually-hidden">{t('average')}</caption>
          <thead><tr><th scope="col">{t('questionText')}</th><th scope="col" className="num">{t('average')}</th></tr></thead>
          <tbody>
            {Object.entries(averages).map(([id, avg]) => (
              <tr key={id}><td>{questionText(survey.questionnaire, id, t)}{id === lowestDimension ? <span className="badge badge-warning"> {t('lowest')}</span> : null}</td><td className="num">{avg === null ? '—' : avg}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('byChannel')}：{Object.entries(byChannel).map(([c, n]) => `${t(`channel.${c}` as 'channel.phone')} ${n}`).join('，')}</p>
      {survey.review ? (
        <p className="notice notice-success" data-testid="survey-review">
          {t('reviewedBy', { by: personLabel(names, survey.review.by, lang), at: formatInstant(survey.review.at), comment: survey.review.comment ? `${lang === 'en' ? ': ' : '：'}${survey.review.comment}` : '' })}
        </p>
      ) : null}
    </section>
  );
}
