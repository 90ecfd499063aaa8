import './components/chrono-map';
import { localizePage } from './page';

localizePage();
