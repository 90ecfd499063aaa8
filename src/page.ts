/**
 * The pages around the interactive (index.html, make.html): their title, heading and
 * introduction follow the same language choice as <chrono-map> (`?lang=` in the URL, else the
 * browser's language). The footer links the pages to each other.
 */
import { uiLanguage, type UiLanguage } from './i18n/messages';

type PageText = { title: string; heading: string; intro: string; footer: string };

const PAGES: Record<'story' | 'make', Record<UiLanguage, PageText>> = {
  story: {
    en: {
      title: 'Talks and strikes: the August 2025 Ukraine diplomacy — Chronomap',
      heading: 'Talks and strikes: the August 2025 Ukraine diplomacy',
      intro:
        "On 15 August 2025 Donald Trump and Vladimir Putin met at a US military base in Alaska. Three days later Volodymyr Zelensky and European leaders came to the White House, and Putin's proposal of a meeting in Moscow followed. In the same nights Russian drones and missiles struck Ukrainian cities. This timeline and map set the talks and the reported strikes side by side, with the wider diplomacy of 2025 as context. Every event links to its sources.",
      footer: 'Make your own timeline and map from your data',
    },
    uk: {
      title: 'Переговори й удари: українська дипломатія серпня 2025 року — Chronomap',
      heading: 'Переговори й удари: українська дипломатія серпня 2025 року',
      intro:
        '15 серпня 2025 року Дональд Трамп і Володимир Путін зустрілися на військовій базі США на Алясці. Через три дні Володимир Зеленський і європейські лідери приїхали до Білого дому, а згодом Путін запропонував зустріч у Москві. Тими самими ночами російські дрони й ракети били по українських містах. Ця хронологія й мапа показують переговори та повідомлені удари поруч, на тлі ширшої дипломатії 2025 року. Кожна подія має посилання на джерела.',
      footer: 'Створіть власну хронологію й мапу зі своїх даних',
    },
  },
  make: {
    en: {
      title: 'Make your own — Chronomap',
      heading: 'Make your own timeline and map',
      intro:
        "Bring the file you already have: a TimelineJS timeline (its JSON, or its Google Sheet saved as CSV), a StoryMapJS story, the Chronomap CSV template filled in, or a conflict-event export in ACLED's layout. See what could be used and what could not, then download the dataset and the code to embed it. Your file never leaves this browser.",
      footer: 'Back to the interactive',
    },
    uk: {
      title: 'Створіть власну — Chronomap',
      heading: 'Створіть власну хронологію й мапу',
      intro:
        'Візьміть файл, який у вас уже є: хронологію TimelineJS (її JSON або таблицю Google, збережену як CSV), історію StoryMapJS, заповнений шаблон CSV Chronomap або експорт конфліктних подій у форматі ACLED. Подивіться, що вдалося використати, а що ні, а потім завантажте набір даних і код для вбудовування. Ваш файл не залишає цього браузера.',
      footer: 'Назад до інтерактиву',
    },
  },
};

export function localizePage(page: 'story' | 'make' = 'story'): void {
  const lang = uiLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
  const text = PAGES[page][lang];
  document.documentElement.lang = lang;
  document.title = text.title;
  const set = (selector: string, value: string) => {
    const el = document.querySelector(selector);
    if (el) el.textContent = value;
  };
  set('[data-page="heading"]', text.heading);
  set('[data-page="intro"]', text.intro);
  set('.page-footer a', text.footer);
}
