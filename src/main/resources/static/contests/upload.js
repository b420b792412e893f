// 공모전 작품 파일: chunked, resumable upload (protocol: kr.sotong.contests.web.UploadController).
// Progressive enhancement: without this script the form posts the file as multipart.
(function () {
  'use strict';
  var box = document.querySelector('[data-contest-upload]');
  if (!box || !window.fetch) { return; }
  var form = box.closest('form');
  var input = box.querySelector('input[type=file]');
  var progress = box.querySelector('progress');
  var status = box.querySelector('[data-upload-status]');
  var pauseBtn = box.querySelector('[data-upload-pause]');
  var resumeBtn = box.querySelector('[data-upload-resume]');
  var controls = box.querySelector('.upload-controls');
  var contestId = box.getAttribute('data-contest-id');
  var chunkSize = parseInt(box.getAttribute('data-chunk-size'), 10) || 8388608;
  var baseChunk = chunkSize;
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var state = { file: null, id: null, offset: 0, paused: false, busy: false };

  function headers(extra) {
    var h = extra || {};
    if (csrf && csrfHeader) { h[csrfHeader.getAttribute('content')] = csrf.getAttribute('content'); }
    return h;
  }
  function say(text, kind) {
    status.textContent = text;
    status.className = 'upload-status' + (kind ? ' ' + kind : '');
  }
  function problem(res) {
    return res.json().then(function (p) { return p && p.detail ? p.detail : ('오류 ' + res.status); },
      function () { return '오류 ' + res.status; });
  }
  function mb(n) { return (n / 1048576).toFixed(1) + 'MB'; }
  function show(offset, total) {
    progress.max = total;
    progress.value = offset;
    progress.textContent = Math.floor(offset * 100 / total) + '%';
  }
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) { s += ('0' + b[i].toString(16)).slice(-2); }
    return s;
  }
  function digest(blob) {
    return blob.arrayBuffer().then(function (a) { return crypto.subtle.digest('SHA-256', a); }).then(hex);
  }
  // size + SHA-256 of the first and last 64 KiB: the same file picked again resumes.
  function fingerprint(file) {
    if (!window.crypto || !crypto.subtle || !file.arrayBuffer) {
      return Promise.resolve(file.size + '-' + (file.lastModified || 0));
    }
    var k = 65536;
    return Promise.all([digest(file.slice(0, k)), digest(file.slice(Math.max(0, file.size - k)))])
      .then(function (d) { return file.size + '-' + d[0].slice(0, 32) + '-' + d[1].slice(0, 32); });
  }

  function start(file) {
    state.file = file; state.id = null; state.offset = 0; state.paused = false;
    controls.hidden = false; pauseBtn.hidden = false; resumeBtn.hidden = true;
    box.removeAttribute('data-complete');
    say('파일을 확인하고 있습니다…');
    fingerprint(file).then(function (fp) {
      state.fp = fp;
      return fetch('/contests/' + contestId + '/uploads?fingerprint=' + encodeURIComponent(fp) + '&size=' + file.size,
        { credentials: 'same-origin', headers: headers({ 'Accept': 'application/json' }) });
    }).then(function (res) {
      if (res.ok) {
        return res.json().then(function (u) {
          state.id = u.id; state.offset = u.offset;
          say('전에 올리던 파일을 이어서 올립니다(' + Math.floor(u.offset * 100 / file.size) + '%부터).');
          box.setAttribute('data-resumed-from', String(u.offset));
        });
      }
      return fetch('/contests/' + contestId + '/uploads', {
        method: 'POST', credentials: 'same-origin',
        headers: headers({ 'Content-Type': 'application/json', 'Accept': 'application/json' }),
        body: JSON.stringify({ name: file.name, size: file.size, fingerprint: state.fp })
      }).then(function (r) {
        if (!r.ok) { return problem(r).then(function (m) { throw new Error(m); }); }
        return r.json().then(function (u) { state.id = u.id; state.offset = 0; chunkSize = baseChunk = u.chunkSize || chunkSize; });
      });
    }).then(loop).catch(function (e) { fail(e.message); });
  }

  function loop() {
    if (state.busy) { return; }
    var file = state.file;
    show(state.offset, file.size);
    if (state.paused) { say('일시 중지했습니다(' + mb(state.offset) + ' / ' + mb(file.size) + '). 「이어 올리기」를 누르세요.'); return; }
    if (state.offset >= file.size) { return complete(); }
    state.busy = true;
    var end = Math.min(file.size, state.offset + chunkSize);
    say('올리는 중: ' + mb(state.offset) + ' / ' + mb(file.size));
    state.sentAt = Date.now();
    send(file.slice(state.offset, end), 0);
  }

  // Chunk size follows the connection: a chunk that went through in under 2 s doubles the next one (fewer requests
  // on a fast line, up to 8 times the server's size), one that took over 8 s halves it (the progress bar keeps moving
  // on a slow line). A cut chunk loses nothing either way: the server keeps what arrived.
  function adapt(ok) {
    var took = Date.now() - state.sentAt;
    if (ok && took < 2000 && chunkSize < baseChunk * 8) { chunkSize *= 2; }
    else if (took > 8000 && chunkSize > baseChunk / 4) { chunkSize = Math.floor(chunkSize / 2); }
  }

  function send(blob, attempt) {
    fetch('/contests/uploads/' + state.id, {
      method: 'PATCH', credentials: 'same-origin',
      headers: headers({ 'Upload-Offset': String(state.offset), 'Content-Type': 'application/offset+octet-stream' }),
      body: blob
    }).then(function (res) {
      state.busy = false;
      var off = res.headers.get('Upload-Offset');
      if (res.ok || res.status === 409) {
        adapt(res.ok);
        if (off !== null) { state.offset = parseInt(off, 10); }
        if (res.status === 409 && off === null) { return problem(res).then(function (m) { throw new Error(m); }); }
        return loop();
      }
      return problem(res).then(function (m) { throw new Error(m); });
    }, function () {
      // network dropped: ask where the server stands, then continue
      state.busy = false;
      adapt(false);
      if (attempt >= 5) { fail('연결이 끊겼습니다. 「이어 올리기」를 누르면 받은 데까지 이어서 올립니다.'); pause(); return; }
      setTimeout(function () {
        fetch('/contests/uploads/' + state.id, { method: 'HEAD', credentials: 'same-origin', headers: headers() })
          .then(function (r) { var o = r.headers.get('Upload-Offset'); if (o !== null) { state.offset = parseInt(o, 10); } })
          .then(loop, loop);
      }, 1000 * (attempt + 1));
    }).catch(function (e) { state.busy = false; fail(e.message); });
  }

  function complete() {
    say('파일 내용을 검사하고 있습니다(형식, 해상도, 재생 시간)…');
    pauseBtn.hidden = true;
    fetch('/contests/uploads/' + state.id + '/complete', {
      method: 'POST', credentials: 'same-origin', headers: headers({ 'Accept': 'application/json' })
    }).then(function (res) {
      if (!res.ok) { return problem(res).then(function (m) { throw new Error(m); }); }
      return res.json().then(function (u) {
        controls.hidden = true;
        input.value = '';
        box.setAttribute('data-complete', 'true');
        var w = (u.report && u.report.warnings && u.report.warnings.length) ? ' 참고: ' + u.report.warnings.join(' ') : '';
        say('검사를 통과했습니다: ' + (u.report ? u.report.summary : '') + '.' + w, 'ok');
      });
    }).catch(function (e) { fail(e.message); });
  }

  function fail(message) {
    say('올리지 못했습니다: ' + message, 'bad');
    status.setAttribute('role', 'alert');
  }
  function pause() { state.paused = true; pauseBtn.hidden = true; resumeBtn.hidden = false; }

  input.addEventListener('change', function () {
    status.removeAttribute('role');
    if (input.files && input.files.length) { start(input.files[0]); }
  });
  pauseBtn.addEventListener('click', function () { pause(); });
  resumeBtn.addEventListener('click', function () {
    state.paused = false; pauseBtn.hidden = false; resumeBtn.hidden = true;
    fetch('/contests/uploads/' + state.id, { method: 'HEAD', credentials: 'same-origin', headers: headers() })
      .then(function (r) { var o = r.headers.get('Upload-Offset'); if (o !== null) { state.offset = parseInt(o, 10); } })
      .then(loop, loop);
  });
  // the form never sends the file again once the chunked upload handled it
  form.addEventListener('submit', function (evt) {
    if (state.busy || (state.file && box.getAttribute('data-complete') !== 'true' && !state.paused)) {
      evt.preventDefault();
      say('파일을 다 올리고 검사가 끝난 뒤에 「다음」을 누르세요.', 'bad');
      status.setAttribute('role', 'alert');
      return;
    }
    input.disabled = true;
  });
})();
