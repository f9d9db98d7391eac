// Sets the colour scheme before the app renders, so a dark-mode user sees no white flash.
// An external file rather than an inline script, so the Content-Security-Policy needs no exception.
(function () {
  try {
    var stored = localStorage.getItem('mantine-color-scheme-value');
    var scheme = stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light');
  }
})();
