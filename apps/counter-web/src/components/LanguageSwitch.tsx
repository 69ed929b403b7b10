import { language, setLanguage, t } from '../i18n/i18n';

export function LanguageSwitch() {
  return (
    <label class="language-switch">
      <span class="visually-hidden">{t('app.language')}</span>
      <select
        value={language.value}
        onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'id')}
      >
        <option value="id">Indonesia</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
