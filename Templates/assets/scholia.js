// Progressive enhancement only: every page reads fully without this script, every citation style shown.
(function () {
  document.querySelectorAll('[data-action="print"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  // Citation styles become tabs: one tab per style, arrow keys move between them.
  document.querySelectorAll('[data-tabs]').forEach(function (container) {
    var panels = Array.prototype.slice.call(container.querySelectorAll(':scope > .cite-style'));
    if (panels.length < 2) return;
    var list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.className = 'tab-list';
    var tabs = panels.map(function (panel, index) {
      var label = panel.querySelector('.tab-label');
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = panel.id + '-tab';
      tab.setAttribute('aria-controls', panel.id);
      tab.textContent = label.textContent;
      label.hidden = true;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', function () { select(index); });
      tab.addEventListener('keydown', function (event) {
        var next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
        if (next === null) return;
        next = (next + panels.length) % panels.length;
        select(next);
        tabs[next].focus();
      });
      list.appendChild(tab);
      return tab;
    });
    function select(selected) {
      tabs.forEach(function (tab, index) {
        tab.setAttribute('aria-selected', index === selected ? 'true' : 'false');
        tab.tabIndex = index === selected ? 0 : -1;
        panels[index].hidden = index !== selected;
      });
    }
    container.insertBefore(list, container.firstChild);
    // Tabs keep the site's order of styles; a reading list opens on its own style (marked cite-first).
    var opening = panels.findIndex(function (panel) { return panel.classList.contains('cite-first'); });
    select(Math.max(opening, 0));
  });

  // Copy puts both the formatted citation (HTML, with italics) and plain text on the clipboard, then the
  // button says "Copied" for two seconds and returns to its own label.
  function copy(button, source) {
    var html = source.innerHTML, text = source.innerText.trim();
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = label; }, 2000); };
    if (window.ClipboardItem) {
      var item = new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' })
      });
      navigator.clipboard.write([item]).then(done, function () { navigator.clipboard.writeText(text).then(done); });
    } else {
      navigator.clipboard.writeText(text).then(done);
    }
  }
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () { copy(button, document.querySelector(button.getAttribute('data-copy'))); });
  });

  // Margin notes on a wide screen: each note beside its passage's line, pushed down below the note above it,
  // never up. A note opens only where it fits before the next one; the others stay closed on their first line
  // and open in place (pushing the notes below them down). The transcript grows to hold the last note.
  var transcript = document.querySelector('.transcript');
  var notes = transcript ? Array.prototype.slice.call(transcript.querySelectorAll('.notes .note')) : [];
  var wide = window.matchMedia('(min-width: 80rem)');
  var gap = 8;
  function setOpen(note, open) {
    note.setAttribute('data-state', open ? 'open' : 'closed');
    note.open = open;
  }
  function passageTop(note, origin) {
    var passage = document.getElementById(note.id + '-ref') || note;
    return passage.getBoundingClientRect().top - origin;
  }
  function layoutNotes() {
    if (!notes.length) return;
    var margin = wide.matches;
    transcript.classList.toggle('margin-notes', margin);
    transcript.style.minHeight = '';
    notes.forEach(function (note) { note.style.top = ''; });
    if (!margin) return;
    var origin = transcript.getBoundingClientRect().top;
    var wanted = notes.map(function (note) { return passageTop(note, origin); });
    var textHeight = transcript.offsetHeight;
    var bottom = -Infinity;
    notes.forEach(function (note, index) {
      var top = Math.max(wanted[index], bottom + gap);
      var limit = index + 1 < notes.length ? wanted[index + 1] - gap : textHeight;
      var chosen = note.getAttribute('data-user');
      if (chosen) {
        setOpen(note, chosen === 'open');
      } else {
        setOpen(note, true);
        if (top + note.offsetHeight > limit) setOpen(note, false);
      }
      note.style.top = top + 'px';
      bottom = top + note.offsetHeight;
    });
    if (bottom > textHeight) transcript.style.minHeight = bottom + 'px';
  }
  notes.forEach(function (note) {
    // A toggle the layout did not make is the reader's: remember it and make room.
    note.addEventListener('toggle', function () {
      if (note.open === (note.getAttribute('data-state') === 'open')) return;
      note.setAttribute('data-user', note.open ? 'open' : 'closed');
      layoutNotes();
    });
  });
  var pending = null;
  function scheduleLayout() {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { pending = null; layoutNotes(); });
  }
  window.addEventListener('resize', scheduleLayout);
  window.addEventListener('load', layoutNotes);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(layoutNotes);
  layoutNotes();

  // A link to a note opens it.
  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS' && !target.open) target.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // Cite this passage: the citation in every style with the paragraph as locator, and a link to it.
  var dialog = document.querySelector('.passage-dialog');
  var styles = Array.prototype.slice.call(document.querySelectorAll('.cite-style[data-pinpoint-html]'));
  if (!dialog || !styles.length || !dialog.showModal) return;
  var placeholder = /999999/g;
  dialog.querySelector('.dialog-close').addEventListener('click', function () { dialog.close(); });
  var dialogCopy = dialog.querySelector('.dialog-copy');
  if (navigator.clipboard) {
    dialogCopy.addEventListener('click', function () { copy(dialogCopy, dialog.querySelector('.passage-citation.selected p')); });
  } else {
    dialogCopy.hidden = true;
  }
  function citePassage(number) {
    var list = dialog.querySelector('.passage-citations');
    var url = location.href.split('#')[0] + '#p' + number;
    list.innerHTML = '';
    // Copy takes the style the reader has chosen in the Cite box (its open tab), else the site's first.
    var chosen = styles.filter(function (style) { return !style.hidden; })[0] || styles[0];
    var label = 'Copy ' + chosen.getAttribute('data-label') + ' citation';
    dialogCopy.textContent = label;
    dialogCopy.setAttribute('data-label', label);
    styles.forEach(function (style) {
      var block = document.createElement('div');
      block.className = 'passage-citation' + (style === chosen ? ' selected' : '');
      var heading = document.createElement('h3');
      heading.textContent = style.getAttribute('data-label');
      var citation = document.createElement('p');
      citation.innerHTML = style.getAttribute('data-pinpoint-html').replace(placeholder, number);
      block.appendChild(heading);
      block.appendChild(citation);
      list.appendChild(block);
    });
    var link = document.createElement('p');
    link.className = 'passage-link';
    link.innerHTML = 'Link to ¶ ' + number + ': <a></a>';
    link.querySelector('a').href = url;
    link.querySelector('a').textContent = url;
    list.appendChild(link);
    dialog.showModal();
  }
  document.querySelectorAll('.paragraph-number').forEach(function (anchor) {
    anchor.title = 'Cite this passage';
    anchor.addEventListener('click', function (event) {
      event.preventDefault();
      history.replaceState(null, '', anchor.getAttribute('href'));
      citePassage(anchor.getAttribute('href').slice(2));
    });
  });
})();
