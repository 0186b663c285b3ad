import type { Lang } from '../../i18n/i18n.context';
import { customerLabel, type Names, personLabel } from '../record-kit/names';
import type { SurveyView } from './survey-view';
import type { SurveysT } from './surveys.messages';

/** The responses recorded so far, each customer by name, each answer as its score (and option). */
export function SurveyResponses({ survey, names, lang, t }: { survey: SurveyView; names: Names; lang: Lang; t: SurveysT }) {
  return (
    <section className="card" aria-labelledby="survey-responses-title">
      <div className="card-header">
        <h2 id="survey-responses-title">{t('responsesTitle')}</h2>
        <span className="badge badge-muted">{t('responseCount', { n: survey.responseCount })}</span>
      </div>
      {survey.responses.length === 0 ? <p className="empty">{t('responsesNone')}</p> : (
        <div className="table-wrap">
          <table className="data-table" data-testid="survey-responses">
            <caption className="visually-hidden">{t('responsesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('respondedOn')}</th>
                {survey.questionnaire.map((q) => <th key={q.questionId} scope="col" className="num">{q.text}</th>)}
                <th scope="col">{t('recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {survey.responses.map((r) => (
                <tr key={r.responseId}>
                  <td>{customerLabel(names, r.customerId, lang)}{r.comments ? <div className="muted small">{r.comments}</div> : null}</td>
                  <td>{t(`channel.${r.channel}` as 'channel.phone')}</td>
                  <td>{r.respondedOn}</td>
                  {survey.questionnaire.map((q) => {
                    const a = r.answers[q.questionId];
                    return <td key={q.questionId} className="num">{a ? (a.label ? `${a.label}（${a.score}）` : a.score) : '—'}</td>;
                  })}
                  <td>{personLabel(names, r.by, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
