import '../components/cm-maker';
import { uiLanguage } from '../i18n/messages';
import { localizePage } from '../page';

localizePage('make');
const lang = uiLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
document.querySelector('cm-maker')?.setAttribute('language', lang);
