// Starts the studio once its runtime is ready: the snapshot this site publishes and
// the quality report beside the page go into the studio's in-memory file system.
// ?date=YYYY-MM-DD picks the heatmap's week; ?old=URL names a previous snapshot
// (same site) for the Diff tab.
// A separate file, not an inline script: the server's Content-Security-Policy
// allows scripts from the site only.
var params = new URLSearchParams(location.search);
var Module = {
  canvas: document.getElementById('canvas'),
  print: function (t) { console.log(t); },
  printErr: function (t) { console.error(t); },
  onRuntimeInitialized: async function () {
    var status = document.getElementById('status');
    try {
      var snap = await fetch('../catalogue.sqlite');
      if (!snap.ok) throw new Error('catalogue.sqlite: HTTP ' + snap.status);
      Module.FS.writeFile('/catalogue.sqlite', new Uint8Array(await snap.arrayBuffer()));
      var args = ['--snapshot', '/catalogue.sqlite', '--size', '1280x800'];
      var report = await fetch('report.json');
      if (report.ok) {
        Module.FS.writeFile('/report.json', new Uint8Array(await report.arrayBuffer()));
        args.push('--report', '/report.json');
      }
      if (params.get('date')) args.push('--date', params.get('date'));
      if (params.get('old')) {
        var old = await fetch(new URL(params.get('old'), location.href));
        if (!old.ok) throw new Error(params.get('old') + ': HTTP ' + old.status);
        Module.FS.writeFile('/old.sqlite', new Uint8Array(await old.arrayBuffer()));
        args.push('--old', '/old.sqlite');
      }
      status.remove();
      Module.callMain(args);
    } catch (e) {
      status.textContent = 'The studio could not start: ' + e.message;
    }
  },
};
