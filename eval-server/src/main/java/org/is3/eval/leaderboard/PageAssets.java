package org.is3.eval.leaderboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' inline stylesheet and script (no CDN, no web fonts) and the Content-Security-Policy
 * that allows exactly these two blocks by hash, so even a missed escape could not run script.
 */
final class PageAssets {
    static final String CSS = """
            :root{--fg:#1b1f24;--muted:#5b636e;--line:#d8dde3;--base:#fff8e1;--accent:#08519c}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fafbfc}
            header,main{max-width:1440px;margin:0 auto;padding:12px 20px}
            h1{font-size:22px;margin:4px 0}h1 .split{font-weight:normal;color:var(--muted);font-size:16px}
            h2{font-size:17px;margin:20px 0 8px}
            a{color:var(--accent)}
            nav a{margin-right:12px}nav a[aria-current=page]{font-weight:bold;text-decoration:none;color:var(--fg)}
            .note{color:var(--muted);max-width:72em}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;background:#fff;border:1px solid var(--line);min-width:100%}
            th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            thead th{background:#f0f3f6;position:sticky;top:0;white-space:nowrap}
            thead th a.sort{color:var(--fg);text-decoration:none}thead th a.sort::after{content:" \\2195";color:var(--muted)}
            thead th[aria-sort=descending] a.sort::after{content:" \\25BC";color:var(--fg)}
            thead th[aria-sort=ascending] a.sort::after{content:" \\25B2";color:var(--fg)}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.flag{text-align:center}thead th.flagcol{white-space:normal;max-width:6em}
            td.team{min-width:7em;overflow-wrap:anywhere}
            tr.baseline{background:var(--base)}tr.baseline th.method{border-left:4px solid #e0a800}
            th.method{font-weight:normal;min-width:14em;max-width:28em}
            .name{font-weight:600;overflow-wrap:anywhere}
            .desc{color:var(--muted);font-size:12px;overflow-wrap:anywhere;max-height:4.4em;overflow:hidden}
            .links{font-size:12px;overflow-wrap:anywhere}
            .badge{display:inline-block;font-size:11px;border-radius:8px;padding:0 6px;margin-left:4px;border:1px solid}
            .badge.baseline{background:#ffe08a;border-color:#e0a800;color:#5c4400}
            .badge.upsampled{background:#eef3fb;border-color:#9ab;color:#234}
            .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            .empty{padding:24px;background:#fff;border:1px dashed var(--line)}
            .charts{display:flex;flex-wrap:wrap;gap:16px}
            figure{margin:0;background:#fff;border:1px solid var(--line);padding:8px}
            figcaption{font-weight:600;margin-bottom:4px}
            svg.chart{width:456px;max-width:100%;height:auto}
            .series.off{display:none}
            .swatch{vertical-align:middle}
            """;

    static final String SCRIPT = """
            (function () {
              var table = document.getElementById('leaderboard');
              if (!table) { return; }
              var body = table.tBodies[0];
              function key(row, i) { return row.cells[i].getAttribute('data-v'); }
              function sortBy(th, descending) {
                var i = th.cellIndex;
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a, i), y = key(b, i);
                  if (x === '' || y === '') { return (x === '' ? 1 : 0) - (y === '' ? 1 : 0); }
                  var d = parseFloat(x) - parseFloat(y);
                  if (d !== 0) { return descending ? -d : d; }
                  return (parseFloat(a.getAttribute('data-t')) - parseFloat(b.getAttribute('data-t')))
                      || (parseFloat(a.getAttribute('data-id')) - parseFloat(b.getAttribute('data-id')));
                });
                rows.forEach(function (r) { body.appendChild(r); });
                Array.prototype.forEach.call(table.querySelectorAll('thead th[aria-sort]'), function (h) {
                  h.removeAttribute('aria-sort');
                });
                th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
                var form = document.getElementById('compare-form');
                if (form) {
                  form.elements['sort'].value = th.getAttribute('data-col');
                  form.elements['order'].value = descending ? 'desc' : 'asc';
                }
              }
              Array.prototype.forEach.call(table.querySelectorAll('thead th[data-col] a.sort'), function (a) {
                a.addEventListener('click', function (event) {
                  event.preventDefault();
                  var th = a.parentNode;
                  var current = th.getAttribute('aria-sort');
                  var descending = current ? current === 'ascending' : th.getAttribute('data-better') === 'high';
                  sortBy(th, descending);
                });
              });
              Array.prototype.forEach.call(document.querySelectorAll('input[name=compare]'), function (box) {
                box.addEventListener('change', function () {
                  var paths = document.querySelectorAll('path.series[data-id="' + box.value + '"]');
                  Array.prototype.forEach.call(paths, function (p) { p.classList.toggle('off', !box.checked); });
                });
              });
            })();
            """;

    /**
     * Send this as the {@code Content-Security-Policy} header with the leaderboard and index
     * pages: nothing loads from anywhere but this server, and only the two inline blocks above run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT)
            + "'; style-src '" + sha256(CSS) + "'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
            + " frame-ancestors 'none'";

    private PageAssets() {
    }

    private static String sha256(String block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
