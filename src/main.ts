import './components/chrono-map';
import { localizePage } from './page';
import { registerServiceWorker } from './offline/register';

localizePage();
// The built site only: the dev server has no worker file.
if (import.meta.env.PROD) registerServiceWorker();
