// An HTTP server that only records: every request is appended as one JSON line to `file` and answered 503.
// The integration runner points the extension at it (setting + POLYAXON_HOST) so a test can prove that merely
// activating the extension contacts nobody; tests read the file (its path is in POLYAXON_TEST_REQUEST_LOG).
import fs from 'node:fs';
import http from 'node:http';

export function startRequestRecorder(file) {
  fs.writeFileSync(file, '');
  const server = http.createServer((req, res) => {
    fs.appendFileSync(file, JSON.stringify({ method: req.method, path: req.url, time: new Date().toISOString() }) + '\n');
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"detail":"request recorder: no Polyaxon here"}');
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}
