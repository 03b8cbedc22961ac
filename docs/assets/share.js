// Share links, enhanced where the browser can: the phone's own share sheet (Web Share API),
// copying the page's address, and Mastodon on the reader's own server. Without this script
// every share link still works; it adds nothing that loads from elsewhere.
"use strict";
(function () {
  var section = document.getElementById("mf-share");
  if (!section) return;

  var native = section.querySelector(".mf-share-native");
  if (native && navigator.share) {
    native.closest("li").hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.dataset.title, text: native.dataset.text, url: native.dataset.url })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  }

  var copy = section.querySelector(".mf-share-copy");
  if (copy && navigator.clipboard) {
    copy.addEventListener("click", function (event) {
      event.preventDefault();
      var label = copy.textContent;
      navigator.clipboard.writeText(copy.href).then(function () {
        copy.textContent = section.dataset.copied;
        copy.setAttribute("aria-live", "polite");
        setTimeout(function () { copy.textContent = label; }, 3000);
      }, function () { window.location.href = copy.href; });
    });
  }

  var form = section.querySelector(".mf-mastodon-form");
  var text = section.querySelector(".mf-mastodon textarea");
  if (form && text) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var server = form.elements.server.value.trim().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
      // A host name only: letters, digits, dots and hyphens (and a port), nothing that could be a script.
      if (!/^[a-z0-9.-]+(:[0-9]+)?$/i.test(server)) { form.elements.server.focus(); return; }
      window.open("https://" + server + "/share?text=" + encodeURIComponent(text.value), "_blank", "noopener");
    });
  }
})();
