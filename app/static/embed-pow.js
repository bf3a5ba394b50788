/* FormAgent proof-of-work worker (SPEC §19), run by embed.js in a Web Worker made from
   a Blob of this file: finds a nonce so that SHA-256(salt + nonce) starts with
   `difficulty` zero bits, and posts back the challenge with its nonce (the `_pow`). Digests go in batches so the browser's
   crypto work overlaps instead of waiting for each promise in turn. */
onmessage = function (e) {
  var c = e.data, enc = new TextEncoder(), next = 0, BATCH = 128;
  function solved(bytes) {
    var d = c.difficulty, i = 0;
    for (; d >= 8; d -= 8) if (bytes[i++]) return false;
    return !d || bytes[i] >> (8 - d) === 0;
  }
  function batch() {
    var base = next, jobs = [];
    for (var i = 0; i < BATCH; i++) jobs.push(crypto.subtle.digest("SHA-256", enc.encode(c.salt + (base + i))));
    next += BATCH;
    Promise.all(jobs).then(function (hashes) {
      for (var i = 0; i < BATCH; i++) if (solved(new Uint8Array(hashes[i]))) {
        c.nonce = base + i;
        return postMessage(c);
      }
      batch();
    });
  }
  batch();
};
