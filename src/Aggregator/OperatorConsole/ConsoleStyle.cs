namespace Aggregator.OperatorConsole;

/// <summary>The console's one stylesheet, served from <c>/static/console.css</c> (the CSP allows no inline style).</summary>
internal static class ConsoleStyle
{
    public const string Css = """
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --ok: #116329; --bad: #a40e26; --warn: #7d4e00; --link: #0550ae; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif; color: var(--fg); background: var(--bg); }
        header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
        header nav { display: flex; gap: 1rem; flex: 1; }
        header .who { color: var(--muted); }
        header form { margin: 0; }
        main { padding: 1rem 1.5rem 3rem; max-width: 90rem; }
        main.signin { max-width: 24rem; margin: 4rem auto; }
        h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
        a { color: var(--link); }
        a:focus, button:focus, input:focus { outline: 2px solid var(--link); outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { color: var(--muted); font-weight: 600; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .85rem; border: 1px solid currentColor; }
        .badge.ok { color: var(--ok); } .badge.failing, .badge.disabled { color: var(--bad); } .badge.moved, .badge.waiting { color: var(--warn); }
        .detail { display: block; color: var(--muted); font-size: .85rem; max-width: 40rem; overflow-wrap: anywhere; }
        .counts, .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; margin: .8rem 0; }
        .counts div, .facts div { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .7rem; }
        dt { color: var(--muted); font-size: .85rem; } dd { margin: 0; font-size: 1.1rem; overflow-wrap: anywhere; }
        .error { color: var(--bad); } .warning { color: var(--warn); } .notice { color: var(--ok); }
        .hint { color: var(--muted); font-size: .9rem; }
        label { display: block; font-weight: 600; margin: .6rem 0 .2rem; }
        input[type=password], input[type=text], input[type=search] { width: 100%; padding: .45rem; border: 1px solid var(--muted); border-radius: .3rem; font: inherit; }
        button { margin-top: .6rem; padding: .4rem .9rem; border: 1px solid var(--link); background: var(--link); color: #fff; border-radius: .3rem; font: inherit; cursor: pointer; }
        header button { margin: 0; background: transparent; color: var(--link); }
        .strip { display: inline-flex; gap: 1px; align-items: flex-end; }
        .strip .mark { display: inline-block; width: 4px; height: 14px; background: #8c959f; }
        .strip .mark.ok { background: #1a7f37; } .strip .mark.not-modified, .strip .mark.unchanged { background: #8fcf9f; }
        .strip .mark.failed, .strip .mark.gone { background: #cf222e; } .strip .mark.throttled { background: #bf8700; }
        .mark-word.failed, .mark-word.gone { color: var(--bad); } .mark-word.throttled { color: var(--warn); }
        .badge.queued, .badge.sent { color: var(--ok); } .badge.retrying { color: var(--warn); } .badge.dead { color: var(--bad); }
        .filters { display: flex; gap: 1rem; align-items: flex-end; flex-wrap: wrap; margin: .5rem 0 1rem; }
        .filters label { margin-top: 0; } select { padding: .4rem; font: inherit; }
        .pages { display: flex; gap: 1rem; margin: 1rem 0; }
        td form button { margin: 0; padding: .2rem .6rem; }
        pre { white-space: pre-wrap; border: 1px solid var(--line); padding: .8rem; border-radius: .3rem; font-size: .9rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .try { display: flex; gap: 1rem; align-items: flex-end; flex-wrap: wrap; } .try .grow, .filters .grow { flex: 1; min-width: 20rem; }
        .try .hint { margin: .2rem 0 0; } label.inline { display: inline; font-weight: 400; }
        mark { background: #fff8c5; color: inherit; padding: 0 .1em; border-radius: .2em; }
        .snippet .field { color: var(--muted); font-size: .8rem; text-transform: uppercase; margin-right: .3rem; }
        .matches li { margin-bottom: .8rem; } .matches p { margin: .1rem 0; } .matches .title { font-weight: 600; } .matches .badge { margin-left: .5rem; font-weight: 400; }
        .diff { list-style: none; padding: 0; } .diff .added { color: var(--ok); } .diff .removed { color: var(--bad); }
        .columns { display: flex; gap: 2rem; flex-wrap: wrap; } .columns table { width: auto; }
        .patch .added { color: var(--ok); } .patch .removed { color: var(--bad); } .patch .hunk, .patch .file { color: var(--muted); }
        .patch span { display: inline; } textarea { width: 100%; font: .9rem ui-monospace, "Liberation Mono", monospace; padding: .45rem; border: 1px solid var(--muted); border-radius: .3rem; }
        form.edit { max-width: 50rem; } form.edit .hint { margin: .1rem 0 .4rem; } label.check { font-weight: 600; }
        .actions { display: flex; gap: .8rem; } form.danger button { background: transparent; color: var(--bad); border-color: var(--bad); }
        .badge.accepted, .badge.offered { color: var(--ok); } .badge.rejected { color: var(--bad); } .badge.pending { color: var(--warn); }
        form.inline { display: inline; } form.inline button { margin: 0 0 0 .4rem; padding: .1rem .5rem; } ul.choices { margin: 0; padding-left: 1rem; }
        code { font-family: ui-monospace, "Liberation Mono", monospace; font-size: .9em; }
        """;
}
