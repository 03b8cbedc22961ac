// The home page offers a visitor whose browser prefers another of the site's languages a link to it
// (never a redirect). The links are in the page, hidden, just above this script, which the page loads
// right after them and before the rest of the page: the chosen one is shown before anything below it
// is drawn, so nothing on screen moves when it appears.
(() => {
  "use strict";
  const offers = document.querySelectorAll(".mf-offer[data-lang]");
  const pageLang = document.documentElement.lang;
  for (const preferred of navigator.languages || [navigator.language]) {
    const code = String(preferred).toLowerCase().split("-")[0];
    if (code === pageLang) return;
    const offer = [...offers].find((element) => element.dataset.lang === code);
    if (offer) {
      offer.hidden = false;
      return;
    }
  }
})();
