// The layout invariants of a Scholia page, measured in the browser. Run with execute_script; returns a list of
// [invariant, message] pairs, empty when the page is right. Relies on the theme's markup contract: paragraphs
// `id="pN"` with a number linking to `#pN`, note references `role="doc-noteref"` linking to their note's id,
// and the page footer a <footer> landmark.
return (function () {
  var failures = [];
  function fail(invariant, message) { failures.push([invariant, message]); }
  function rect(element) { return element.getBoundingClientRect(); }
  function visible(element) {
    var box = rect(element);
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  }
  function describe(element) {
    return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
      (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '');
  }
  var scrollY = window.scrollY;
  var tolerance = 2;

  // Every paragraph number is a link to its paragraph, vertically within the paragraph's box.
  document.querySelectorAll('.transcript p[id^="p"]').forEach(function (paragraph) {
    if (!/^p\d+$/.test(paragraph.id)) return;
    var number = paragraph.querySelector('a[href="#' + paragraph.id + '"]');
    if (!number) { fail('paragraph-number', paragraph.id + ' has no number linking to #' + paragraph.id); return; }
    var outer = rect(paragraph), inner = rect(number);
    if (inner.top < outer.top - tolerance || inner.bottom > outer.bottom + tolerance) {
      fail('paragraph-number', paragraph.id + ': its number spans ' + Math.round(inner.top) + '–' + Math.round(inner.bottom) +
        ' outside the paragraph ' + Math.round(outer.top) + '–' + Math.round(outer.bottom));
    }
  });

  // Notes: beside their passage in the margin (or in place, after it), never above it, never over the footer.
  var footer = document.querySelector('body > footer');
  var transcript = document.querySelector('.transcript');
  var textRight = transcript ? rect(transcript).right : 0;
  var previousMarginBottom = -Infinity;
  var blockers = Array.prototype.slice.call(document.querySelectorAll('.document-footer, .related, .questions'));
  if (footer) blockers.push(footer);
  document.querySelectorAll('.note[id]').forEach(function (note) {
    if (!visible(note)) return;
    var references = document.querySelectorAll('[role="doc-noteref"][href="#' + note.id + '"]');
    if (!references.length) { fail('notes', note.id + ' has no note reference linking to it'); return; }
    var passage = document.getElementById(note.id + '-ref') || references[0];
    var passageTop = rect(passage).top, box = rect(note);
    var inMargin = box.left >= textRight - tolerance;
    if (box.top < passageTop - tolerance) {
      fail('notes', note.id + ' starts ' + Math.round(passageTop - box.top) + 'px above its passage');
    }
    if (inMargin) {
      if (box.top < previousMarginBottom - tolerance) {
        fail('notes', note.id + ' overlaps the note above it by ' + Math.round(previousMarginBottom - box.top) + 'px');
      }
      var highest = Math.max(passageTop, previousMarginBottom);
      if (box.top > highest + 48) {
        fail('notes', note.id + ' is ' + Math.round(box.top - highest) + 'px below the first free place beside its passage');
      }
      previousMarginBottom = box.bottom;
    }
    blockers.forEach(function (blocker) {
      var other = rect(blocker);
      var overlaps = box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top;
      if (overlaps) fail('notes', note.id + ' lies over ' + describe(blocker));
    });
    if (footer && box.bottom > rect(footer).top + tolerance) fail('notes', note.id + ' reaches below the top of the page footer');
  });

  // Lists of documents are read line by line: at most 75 characters a line (judged on paragraphs of 3+ lines,
  // whose full lines set the average).
  document.querySelectorAll('.document-list p, .readings p, .related-list li').forEach(function (block) {
    if (!visible(block)) return;
    var range = document.createRange();
    range.selectNodeContents(block);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (line) { if (line.width > 0) tops[Math.round(line.bottom)] = true; });
    var lines = Object.keys(tops).length, characters = block.textContent.replace(/\s+/g, ' ').trim().length;
    if (lines >= 3 && characters / (lines - 0.5) > 75) {
      fail('line-length', describe(block) + ': about ' + Math.round(characters / (lines - 0.5)) + ' characters a line');
    }
  });

  // No horizontal scrolling.
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    var widest = null;
    document.querySelectorAll('body *').forEach(function (element) {
      var box = rect(element);
      if (box.right > root.clientWidth + 1 && box.width > 0 && (!widest || box.right > rect(widest).right)) widest = element;
    });
    fail('horizontal-scroll', 'the page is ' + root.scrollWidth + 'px wide in a ' + root.clientWidth + 'px window' +
      (widest ? ' (widest: ' + describe(widest) + ')' : ''));
  }

  // No text clipped: no box that hides overflowing content, and no badge or button whose text spills out.
  document.querySelectorAll('body *').forEach(function (element) {
    if (!visible(element) || element.closest('dialog:not([open])')) return;
    var style = getComputedStyle(element);
    var hides = /hidden|clip/.test(style.overflowX + style.overflowY);
    var boxed = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(style.borderTopWidth) > 0;
    var hasText = Array.prototype.some.call(element.childNodes, function (node) { return node.nodeType === 3 && node.textContent.trim(); });
    if (!hides && !(boxed && hasText && style.display !== 'inline')) return;
    if (element.scrollWidth > element.clientWidth + 1 || (hides && element.scrollHeight > element.clientHeight + 1)) {
      fail('clipped-text', describe(element) + ' holds ' + element.scrollWidth + '×' + element.scrollHeight +
        'px of content in a ' + element.clientWidth + '×' + element.clientHeight + 'px box');
    }
  });
  window.scrollTo(0, scrollY);
  return failures;
})();
