/**
 * The page around the interactive (index.html): its title and introduction follow the same
 * language choice as <chrono-map> (`?lang=` in the URL, else the browser's language).
 */
import { uiLanguage, type UiLanguage } from './i18n/messages';

const PAGE: Record<UiLanguage, { title: string; heading: string; intro: string }> = {
  en: {
    title: 'Talks and strikes: the August 2025 Ukraine diplomacy — Chronomap',
    heading: 'Talks and strikes: the August 2025 Ukraine diplomacy',
    intro:
      "On 15 August 2025 Donald Trump and Vladimir Putin met at a US military base in Alaska. Three days later Volodymyr Zelensky and European leaders came to the White House, and Putin's proposal of a meeting in Moscow followed. In the same nights Russian drones and missiles struck Ukrainian cities. This timeline and map set the talks and the reported strikes side by side, with the wider diplomacy of 2025 as context. Every event links to its sources.",
  },
  uk: {
    title: 'Переговори й удари: українська дипломатія серпня 2025 року — Chronomap',
    heading: 'Переговори й удари: українська дипломатія серпня 2025 року',
    intro:
      '15 серпня 2025 року Дональд Трамп і Володимир Путін зустрілися на військовій базі США на Алясці. Через три дні Володимир Зеленський і європейські лідери приїхали до Білого дому, а згодом Путін запропонував зустріч у Москві. Тими самими ночами російські дрони й ракети били по українських містах. Ця хронологія й мапа показують переговори та повідомлені удари поруч, на тлі ширшої дипломатії 2025 року. Кожна подія має посилання на джерела.',
  },
};

export function localizePage(): void {
  const lang = uiLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
  const text = PAGE[lang];
  document.documentElement.lang = lang;
  document.title = text.title;
  const heading = document.querySelector('[data-page="heading"]');
  const intro = document.querySelector('[data-page="intro"]');
  if (heading) heading.textContent = text.heading;
  if (intro) intro.textContent = text.intro;
}
