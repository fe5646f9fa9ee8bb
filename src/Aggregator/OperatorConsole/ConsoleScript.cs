namespace Aggregator.OperatorConsole;

/// <summary>
/// The console's one script, served from <c>/static/try.js</c>: the playground's results follow the query as it is
/// typed. Without it the form still works (Enter submits it). No framework, no build step, nothing inline (the CSP).
/// </summary>
internal static class ConsoleScript
{
    public const string Try = """
        (() => {
          const form = document.getElementById("try-form");
          const results = document.getElementById("results");
          if (!form || !results) return;
          let timer = 0, pending = null;
          const refresh = () => {
            const params = new URLSearchParams(new FormData(form));
            history.replaceState(null, "", "/try?" + params);
            params.set("partial", "true");
            if (pending) pending.abort();
            pending = new AbortController();
            fetch("/try?" + params, { signal: pending.signal, headers: { "Accept": "text/html" } })
              .then(r => r.ok ? r.text() : Promise.reject(r.status))
              .then(html => { results.innerHTML = html; results.dataset.query = params.get("query") || ""; })
              .catch(() => {});
          };
          form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 250); });
          form.addEventListener("change", () => { clearTimeout(timer); refresh(); });
        })();
        """;
}
