// Before the first paint: index.html loads this classic script in <head>, before the body is parsed,
// so the static first view (src/ui/first_paint.rs) shows in the language and with the start band the
// app will start with. It reads what the app reads — the remembered language under `cadence.lang`
// (a JSON string, else the raw text), else the browser's, Chinese for any `zh` tag
// (services::locale::initial_lang, i18n::Lang::from_tag), and `cadence.start` = "hidden"
// (ui::shell::runner::START_KEY) — and changes nothing but two attributes of <html>, which the app
// then sets itself. scripts/build.mjs names it by its content hash.
(() => {
  let tag = navigator.language || '';
  let startHidden = false;
  try {
    const stored = localStorage.getItem('cadence.lang');
    if (stored !== null) {
      tag = stored;
      try {
        const parsed = JSON.parse(stored);
        if (typeof parsed === 'string') tag = parsed;
      } catch {}
    }
    startHidden = localStorage.getItem('cadence.start') === 'hidden';
  } catch {}
  const root = document.documentElement;
  if (String(tag).trim().toLowerCase().startsWith('zh')) root.lang = 'zh-CN';
  if (startHidden) root.dataset.start = 'hidden';
})();
