// An enhancement: without it every link still works. Changing language keeps the reader's place:
// the paragraph in the address (#p14), or else the first paragraph on screen if the reader has
// scrolled away from it, since paragraph numbers are the same in every language. (The home page's
// offer of the browser's language is assets/offer.js.)
(() => {
  "use strict";

  const onScreen = (element, top) => {
    const box = element.getBoundingClientRect();
    return box.bottom > top && box.top < window.innerHeight;
  };

  const place = () => {
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const target = /^#p\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
    if (target && onScreen(target, top)) return location.hash;
    if (window.scrollY <= 0) return "";
    for (const paragraph of document.querySelectorAll("article p.mf-para[id]")) {
      if (onScreen(paragraph, top)) return "#" + paragraph.id;
    }
    return "";
  };

  for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
    const keepPlace = () => {
      link.hash = place();
    };
    for (const event of ["pointerdown", "focus", "click"]) link.addEventListener(event, keepPlace);
  }
})();
