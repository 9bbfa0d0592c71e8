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
    select(0);
  });

  // Copy puts both the formatted citation (HTML, with italics) and plain text on the clipboard.
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.querySelector(button.getAttribute('data-copy'));
      var html = source.innerHTML, text = source.innerText.trim();
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 2000); };
      if (window.ClipboardItem) {
        var item = new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' })
        });
        navigator.clipboard.write([item]).then(done, function () { navigator.clipboard.writeText(text).then(done); });
      } else {
        navigator.clipboard.writeText(text).then(done);
      }
    });
  });

  // Notes: open in the margin on a wide screen; a link to a note opens it.
  var wide = window.matchMedia('(min-width: 80rem)');
  if (wide.matches) document.querySelectorAll('.notes details').forEach(function (note) { note.open = true; });
  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // Cite this passage: the citation in every style with the paragraph as locator, and a link to it.
  var dialog = document.querySelector('.passage-dialog');
  var styles = Array.prototype.slice.call(document.querySelectorAll('.cite-style[data-pinpoint-html]'));
  if (!dialog || !styles.length || !dialog.showModal) return;
  var placeholder = /999999/g;
  dialog.querySelector('.dialog-close').addEventListener('click', function () { dialog.close(); });
  function citePassage(number) {
    var list = dialog.querySelector('.passage-citations');
    var url = location.href.split('#')[0] + '#p' + number;
    list.innerHTML = '';
    styles.forEach(function (style) {
      var block = document.createElement('div');
      block.className = 'passage-citation';
      var heading = document.createElement('h3');
      heading.textContent = style.getAttribute('data-label');
      var citation = document.createElement('p');
      citation.innerHTML = style.getAttribute('data-pinpoint-html').replace(placeholder, number);
      block.appendChild(heading);
      block.appendChild(citation);
      list.appendChild(block);
    });
    var link = document.createElement('p');
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
  document.querySelectorAll('.cite-passage').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { citePassage(button.getAttribute('data-paragraph')); });
  });
})();
