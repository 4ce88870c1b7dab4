// Click (or Enter on) a highlight to see its normalized value, confidence and extractor version.
// Without JavaScript the same facts show as the highlight's tooltip (title attribute).
(function () {
  var text = document.getElementById('article-text');
  var box = document.getElementById('hl-details');
  if (!text || !box) { return; }
  function show(mark) {
    var rows = [
      ['Kind', (mark.dataset.kind || '').replace(/_/g, ' ')],
      ['Value', mark.dataset.label || '—'],
      ['Confidence', mark.dataset.confidence || 'not given'],
      ['Extractor', mark.dataset.extractor || 'unknown'],
      ['Text', mark.textContent]
    ];
    box.replaceChildren();
    var dl = document.createElement('dl');
    rows.forEach(function (r) {
      var dt = document.createElement('dt'); dt.textContent = r[0];
      var dd = document.createElement('dd'); dd.textContent = r[1];
      dl.append(dt, dd);
    });
    if (mark.dataset.entity) {
      var a = document.createElement('a');
      a.href = '/entities/' + encodeURIComponent(mark.dataset.entity);
      a.textContent = 'Open entity →';
      dl.append(a);
    }
    box.append(dl);
    box.hidden = false;
    document.querySelectorAll('mark.selected').forEach(function (m) { m.classList.remove('selected'); });
    mark.classList.add('selected');
  }
  text.addEventListener('click', function (e) {
    var mark = e.target.closest('mark.hl');
    if (mark) { e.stopPropagation(); show(mark); }
  });
  text.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.matches('mark.hl')) { show(e.target); }
  });
})();
