// Bulletin editor: live byte counter (EUC-KR rules: ASCII 1 byte, Hangul and other KS X 1001 characters
// 2 bytes) with automatic SMS/LMS choice, and a debounced exact check by the server (/api/v1/messaging/preview),
// which also fills in variables, the "(광고)" prefix and the opt-out footer. No inline script (strict CSP).
(function () {
  'use strict';
  function localBytes(text) {
    var bytes = 0, bad = [];
    text = text.replace(/\r\n?/g, '\n');
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) { bytes += 1; continue; }
      if (c >= 0xD800 && c <= 0xDBFF) { bytes += 1; bad.push(text.substr(i, 2)); i++; continue; }
      bytes += 2;
    }
    return { bytes: bytes, bad: bad };
  }
  function init(form) {
    var body = form.querySelector('[name=body]');
    var channel = form.querySelector('[name=channel]');
    var counter = document.getElementById('b-counter');
    if (!body || !counter) { return; }
    var out = {
      bytes: counter.querySelector('[data-bytes]'), limit: counter.querySelector('[data-limit]'),
      type: counter.querySelector('[data-type]'), problems: counter.querySelector('[data-problems]')
    };
    var preview = form.querySelector('[data-preview]');
    var timer = null;
    function show(bytes, type, limit, problems) {
      out.bytes.textContent = bytes.toLocaleString('ko-KR');
      out.limit.textContent = limit ? limit.toLocaleString('ko-KR') : '-';
      out.type.textContent = type;
      out.problems.textContent = problems || '';
      counter.classList.toggle('over', !!problems);
    }
    function local() {
      var r = localBytes(body.value);
      var ch = channel ? channel.value : 'SMS';
      if (ch === 'EMAIL') { show(body.value.length, '이메일', 0, ''); return; }
      var type = r.bytes <= 90 ? '단문(SMS)' : '장문(LMS)';
      var limit = r.bytes <= 90 ? 90 : 2000;
      var problems = r.bad.length ? '문자로 보낼 수 없는 문자: ' + r.bad.join(' ') : (r.bytes > 2000 ? '2,000바이트 초과' : '');
      show(r.bytes, ch === 'KAKAO' ? '알림톡(대체 ' + type + ')' : type, limit, problems);
    }
    function exact() {
      var token = document.querySelector('meta[name="_csrf"]');
      var header = document.querySelector('meta[name="_csrf_header"]');
      var headers = { 'Content-Type': 'application/json' };
      if (token && header) { headers[header.getAttribute('content')] = token.getAttribute('content'); }
      var payload = {
        channel: channel ? channel.value : 'SMS',
        advertising: !!(form.querySelector('[name=advertising]') || {}).checked,
        subject: (form.querySelector('[name=subject]') || {}).value || '',
        body: body.value,
        variables: (form.querySelector('[name=variables]') || {}).value || '',
        kakaoCode: (form.querySelector('[name=kakaoCode]') || {}).value || '',
        image: !!((form.querySelector('[name=image]') || {}).files || []).length
      };
      fetch(form.getAttribute('data-preview-url'), { method: 'POST', headers: headers, body: JSON.stringify(payload), credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (r) {
          if (!r) { return; }
          show(r.bytes, r.typeLabel, r.limit, r.errors.join(' '));
          if (preview) { preview.textContent = r.text; }
        })
        .catch(function () { /* the local count stays */ });
    }
    function changed() {
      local();
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(exact, 400);
    }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    changed();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form[data-bulletin-editor]');
    for (var i = 0; i < forms.length; i++) { init(forms[i]); }
  });
})();
