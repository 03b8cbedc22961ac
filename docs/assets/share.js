// Share links, enhanced where the browser can: the paragraph the reader is at (#pN in the address,
// or a paragraph number just tapped) travels with every link; the phone's own share sheet (Web
// Share API); copying the address; Mastodon on the reader's own server. Without this script every
// share link still works for the page, and each paragraph's number is its own link; it adds
// nothing that loads from elsewhere.
"use strict";
(function () {
  // A copy button beside a field to paste elsewhere (the badge's code), shown only where it can work.
  if (navigator.clipboard) {
    Array.prototype.forEach.call(document.querySelectorAll("button.mf-copy"), function (button) {
      var field = document.getElementById(button.dataset.copy);
      if (!field) return;
      button.parentNode.hidden = false;
      button.addEventListener("click", function () {
        var label = button.textContent;
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = button.dataset.copied;
          button.setAttribute("aria-live", "polite");
          setTimeout(function () { button.textContent = label; }, 3000);
        }, function () { field.select(); });
      });
    });
  }

  var section = document.getElementById("mf-share");
  if (!section) return;

  var page = section.dataset.url;
  var shown = section.querySelector(".mf-share-address");
  var copy = section.querySelector(".mf-share-copy");
  var native = section.querySelector(".mf-share-native");
  var text = section.querySelector(".mf-mastodon textarea");
  var links = Array.prototype.slice.call(section.querySelectorAll("a.mf-share-link"));
  // Each link as the build wrote it, for the page's own address: the paragraph's replaces it.
  var written = links.map(function (link) { return link.getAttribute("href"); });
  var writtenText = text ? text.value : "";

  function follow() {
    // Only a paragraph's own anchor (p1…pN) travels: notes and headings are not what readers share.
    var found = /^#p[0-9]+$/.test(window.location.hash) && document.getElementById(window.location.hash.slice(1));
    var url = found ? page + window.location.hash : page;
    links.forEach(function (link, i) {
      link.setAttribute("href", written[i].split(encodeURIComponent(page)).join(encodeURIComponent(url)));
    });
    if (copy) copy.setAttribute("href", url);
    if (native) native.dataset.url = url;
    if (text) text.value = writtenText.split(page).join(url);
    if (shown) shown.textContent = url;
  }
  follow();
  window.addEventListener("hashchange", follow);

  if (native && navigator.share) {
    native.closest("li").hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.dataset.title, text: native.dataset.text, url: native.dataset.url })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  }

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
