/* The report's script: three views and keyboard navigation between changes.
   It reads and rearranges the page it stands in; it never builds markup from strings, so no
   document text is ever parsed as HTML. */
(function () {
  "use strict";
  var root = document.documentElement;
  var body = document.body;
  var VIEWS = ["redline", "side-by-side", "changes-only"];
  var KEYS = { j: 1, n: 1, k: -1, p: -1 };
  var VIEW_KEYS = { "1": "redline", "2": "side-by-side", "3": "changes-only" };
  root.classList.remove("no-js");

  function all(selector, within) {
    return Array.prototype.slice.call((within || document).querySelectorAll(selector));
  }

  function text(tag, className, words) {
    var element = document.createElement(tag);
    element.className = className;
    if (words) { element.textContent = words; }
    return element;
  }

  /* One side of a paragraph: its redline without the marks of the other side. */
  function side(redline, drop, className, kind) {
    var copy = redline.cloneNode(true);
    all(drop, copy).forEach(function (mark) { mark.remove(); });
    all(".join", copy).forEach(function (mark) { mark.remove(); });
    copy.className = "side " + className;
    if (copy.textContent.trim() === "") {
      /* An English remark, isolated so that it reads the same in a right-to-left page. */
      var remark = text("span", "", kind === "added" ? "(not in the old version)"
                                                     : "(not in the new version)");
      remark.setAttribute("lang", "en");
      remark.setAttribute("dir", "ltr");
      copy.className += " empty";
      copy.textContent = "";
      copy.appendChild(remark);
    }
    return copy;
  }

  function buildSides() {
    all("#document .part, #footnotes").forEach(function (part) {
      var head = text("div", "sides-head");
      head.setAttribute("lang", "en");
      head.setAttribute("aria-hidden", "true");
      head.appendChild(text("span", "", "Old version"));
      head.appendChild(text("span", "", "New version"));
      var title = part.querySelector("h2, h3");
      part.insertBefore(head, title ? title.nextSibling : part.firstChild);
    });
    all(".para").forEach(function (para) {
      var redline = para.querySelector(".text");
      var pair = text("div", "sbs");
      /* The old side shows the old markers only: those in the new text carry new numbers. */
      pair.appendChild(side(redline, "ins, .fn-new", "old", para.dataset.kind));
      pair.appendChild(side(redline, "del", "new", para.dataset.kind));
      para.appendChild(pair);
    });
  }

  function dropSides() {
    all(".sbs, .sides-head").forEach(function (element) { element.remove(); });
  }

  function setView(view) {
    if (VIEWS.indexOf(view) < 0) { return; }
    if (view !== body.dataset.view) {
      dropSides();
      if (view === "side-by-side") { buildSides(); }
      body.dataset.view = view;
    }
    all(".views button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    });
  }

  function changes() {
    return all("#document .para.change, #footnotes .para.change");
  }

  function label(para) {
    var labels = para.querySelector(".labels");
    return labels ? labels.textContent : "";
  }

  function go(index) {
    var list = changes();
    var position = document.querySelector(".position");
    if (list.length === 0) { return; }
    index = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (para) { para.classList.remove("current"); });
    var target = list[index];
    target.classList.add("current");
    var run = target.closest(".run");
    if (run) { run.classList.add("open"); }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    if (position) {
      position.textContent = "Change " + (index + 1) + " of " + list.length + ": " + label(target);
    }
  }

  function move(step) {
    var list = changes();
    var active = list.indexOf(document.querySelector(".para.current"));
    go(active < 0 ? (step > 0 ? 0 : list.length - 1) : active + step);
  }

  all(".views button").forEach(function (button) {
    button.addEventListener("click", function () { setView(button.dataset.view); });
  });
  all(".move button").forEach(function (button) {
    button.addEventListener("click", function () { move(Number(button.dataset.move)); });
  });
  all(".fold").forEach(function (fold) {
    fold.addEventListener("click", function () {
      var open = fold.parentNode.classList.toggle("open");
      fold.setAttribute("aria-expanded", String(open));
    });
  });
  all(".change-list a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var list = changes();
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target && list.indexOf(target) >= 0) {
        event.preventDefault();
        go(list.indexOf(target));
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (Object.prototype.hasOwnProperty.call(KEYS, event.key)) {
      event.preventDefault();
      move(KEYS[event.key]);
    } else if (Object.prototype.hasOwnProperty.call(VIEW_KEYS, event.key)) {
      event.preventDefault();
      setView(VIEW_KEYS[event.key]);
    }
  });
  /* The view the report was made to open in (resdiff diff --only-changes: changes only). */
  setView(body.dataset.start || "redline");
  /* Opened at a change's address (report.html#c5): start there. */
  if (location.hash) {
    var start = changes().indexOf(document.getElementById(location.hash.slice(1)));
    if (start >= 0) { go(start); }
  }
}());
