import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { plainName, roleWord } from './person-label';
import { useDirectory } from './use-directory';
import { useUsersT } from './users.messages';

/** Every account by name and roles in the company's words; the user name only as the link's target. */
export function UserList({ minPosition }: { minPosition?: number }) {
  const { t } = useUsersT();
  const { lang } = useI18n();
  const { users, error } = useDirectory(minPosition);
  if (error) return <ErrorAlert error={error} />;
  if (!users) return <p className="muted">{t('loading')}</p>;
  return (
    <section className="card card-flush" aria-labelledby="users-total">
      <div className="card-header"><h2 id="users-total" className="section-title">{t('total', { n: users.length })}</h2></div>
      {users.length === 0 ? <p className="empty">{t('empty')}</p> : (
        <table className="data-table" data-testid="users-table">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('status')}</th><th scope="col">{t('changedAt')}</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.username} data-user={u.username}>
                <td><a href={`#${featurePath('users', u.username)}`}>{plainName(u.name)}</a></td>
                <td>{u.roles.map((r) => roleWord(r, lang)).join(lang === 'en' ? ', ' : '、')}</td>
                <td>{u.disabled ? <span className="badge badge-danger">{t('disabled')}</span> : <span className="badge badge-success">{t('active')}</span>}</td>
                <td className="nowrap">{formatInstant(u.changedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
