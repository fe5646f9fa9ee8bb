namespace Aggregator.PublicPages;

/// <summary>The subscriber pages' one stylesheet, served from <c>/static/public.css</c> (the CSP allows no inline style).</summary>
internal static class PublicStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --accent: #0550ae; --on-accent: #ffffff; --ok: #116329; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --bg: #0d1117; --accent: #58a6ff; --on-accent: #0d1117; --ok: #3fb950; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif; color: var(--fg); background: var(--bg); }
        main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem 3rem; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-top: 1px solid var(--line); padding-top: 1rem; }
        .site { color: var(--muted); font-size: .9rem; }
        .notice { color: var(--ok); } .hint { color: var(--muted); font-size: .9rem; }
        label { display: block; font-weight: 600; margin: .6rem 0 .2rem; } label.inline { display: inline; font-weight: 400; }
        input[type=text], input[type=date], select { padding: .45rem; border: 1px solid var(--muted); border-radius: .3rem; font: inherit; background: var(--bg); color: var(--fg); }
        button { margin-top: .6rem; padding: .45rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: var(--on-accent); border-radius: .3rem; font: inherit; cursor: pointer; }
        button.quiet { background: transparent; color: var(--accent); }
        a { color: var(--accent); } a:focus, button:focus, input:focus, select:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
        ul { padding-left: 1.2rem; } li { margin: .3rem 0; } li form { display: inline; } li form button { margin: 0 0 0 .5rem; padding: .1rem .5rem; }
        code { font-family: ui-monospace, "Liberation Mono", monospace; overflow-wrap: anywhere; }
        .rule { border: 1px solid var(--line); border-radius: .4rem; padding: .6rem .8rem; margin: .6rem 0; } .rule code { margin-right: .6rem; }
        """;
}
